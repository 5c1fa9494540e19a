// Generates each context's Prisma client after install. The prisma CLI insists on locating its
// native schema engine first even though `generate` never runs it, and that engine cannot be
// downloaded offline: pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies the check.
const { execFileSync } = require('node:child_process');
const { readdirSync, existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const prismaBin = path.join(root, 'node_modules', '.bin', 'prisma');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
for (const context of readdirSync(path.join(root, 'prisma'))) {
  const schema = path.join(root, 'prisma', context, 'schema.prisma');
  if (!existsSync(schema)) continue;
  execFileSync(prismaBin, ['generate', '--schema', schema], { cwd: root, env, stdio: 'inherit' });
}
