import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `pnpm test`: the static checks (types, lint, boundary rules), then every jest suite (unit,
 * integration against the local PostgreSQL, end-to-end through the gateway, the browser test).
 * Ends with one line, "N passed, N failed", that counts each check and each test.
 */
const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const env = { ...process.env, APOLLO_TELEMETRY_DISABLED: '1' };
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: root, env, stdio: 'inherit' }).status === 0;

const checks: [string, () => boolean][] = [
  ['types (tsc, strict)', () => run(bin('tsc'), ['-p', 'tsconfig.json'])],
  ['lint (eslint)', () => run(bin('eslint'), ['.'])],
  ['boundaries (dependency-cruiser)', () => run(bin('depcruise'), ['--config', '.dependency-cruiser.cjs', 'gateway', 'subgraphs', 'packages', 'scripts', 'test'])],
];

let passed = 0;
let failed = 0;
for (const [name, check] of checks) {
  console.log(`\n== ${name}`);
  if (check()) passed += 1;
  else {
    failed += 1;
    console.log(`FAILED: ${name}`);
  }
}

mkdirSync(path.join(root, '.tmp'), { recursive: true });
const report = path.join(root, '.tmp', 'jest-report.json');
console.log('\n== jest');
run(bin('jest'), ['--json', `--outputFile=${report}`, ...process.argv.slice(2)]);
try {
  const results = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number };
  passed += results.numPassedTests;
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
} catch {
  failed += 1;
  console.log('FAILED: jest wrote no report');
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
