import { parseArgs } from 'node:util';
import { issueToken } from '../gateway/src/auth/tokens';
import { loadConfig } from '../gateway/src/config';

const usage = 'usage: pnpm token --sub <id> [--admin] [--expires-in 8h]';
let values: { sub?: string; admin?: boolean; 'expires-in'?: string };
try {
  ({ values } = parseArgs({ options: { sub: { type: 'string' }, admin: { type: 'boolean' }, 'expires-in': { type: 'string' } } }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (!values.sub) {
  console.error(usage);
  process.exit(2);
}
const roles = values.admin ? ['customer', 'admin'] : ['customer'];
// The same secret, issuer and audience the gateway checks (JWT_SECRET, JWT_ISSUER, JWT_AUDIENCE).
const config = loadConfig();
issueToken(config.jwtSecret, values.sub, roles, values['expires-in'] ?? '8h', { issuer: config.jwtIssuer, audience: config.jwtAudience }).then((token) => {
  console.log(`# subject ${values.sub}, roles ${roles.join(', ')}; send as: Authorization: Bearer <token>`);
  console.log(token);
});
