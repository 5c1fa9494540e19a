import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SUPERGRAPH_FILE } from './compose';
import type { Finding } from './findings';

const COMPOSE = 'run `pnpm schema:compose` and commit the result';

/**
 * Whether the committed supergraph is what composing the current SDL gives. The gateway serves the
 * committed file, so an SDL change without it would ship nothing, or ship it later by surprise.
 */
export function checkSupergraphFile(root: string, composedSdl: string): Finding[] {
  const file = path.join(root, SUPERGRAPH_FILE);
  if (!existsSync(file)) {
    return [{ check: 'supergraph', severity: 'error', code: 'MISSING_SUPERGRAPH', message: `${SUPERGRAPH_FILE} does not exist; ${COMPOSE}` }];
  }
  const committed = readFileSync(file, 'utf8').trimEnd().split('\n');
  const composed = composedSdl.trimEnd().split('\n');
  const line = committed.findIndex((text, index) => text !== composed[index]);
  const differsAt = line >= 0 ? line : committed.length < composed.length ? committed.length : -1;
  if (differsAt < 0) return [{ check: 'supergraph', severity: 'info', code: 'OK', message: `${SUPERGRAPH_FILE} is up to date` }];
  const show = (text: string | undefined): string => (text === undefined ? '(end of file)' : JSON.stringify(text.trim()));
  return [
    {
      check: 'supergraph',
      severity: 'error',
      code: 'STALE_SUPERGRAPH',
      message:
        `${SUPERGRAPH_FILE} is stale: it is not what composing the current SDL gives; ${COMPOSE}. ` +
        `First difference at line ${differsAt + 1}: committed ${show(committed[differsAt])}, composed ${show(composed[differsAt])}`,
      locations: [`${SUPERGRAPH_FILE}:${differsAt + 1}`],
    },
  ];
}
