#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests. Playwright's own browser
# download cannot work here (only npm and the Debian archive are reachable).
# Safe to run repeatedly: does nothing when /usr/bin/chromium already exists.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "install-chromium: already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

install_chromium() { $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
refresh_index() { echo "install-chromium: $1, running apt-get update"; $sudo apt-get update -qq; }

# Refresh the package index only when needed: when apt does not know the package
# yet (fresh machines often ship with empty lists), or when the lists are stale
# and the version they name is gone from the archive. The policy is captured
# first because, under pipefail, grep -q closing the pipe early looks like a failure.
policy="$(apt-cache policy chromium 2>/dev/null || true)"
if ! grep -q 'Candidate: [0-9]' <<<"$policy"; then
  refresh_index "the package index has no chromium"
fi

echo "install-chromium: installing chromium from the Debian archive"
if ! install_chromium; then
  refresh_index "install failed"
  install_chromium
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "install-chromium: apt-get finished but /usr/bin/chromium is missing" >&2
  exit 1
fi
echo "install-chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
