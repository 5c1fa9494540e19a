import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { placeholders, scaffoldContext, singular } from './scaffold';

const root = path.resolve(__dirname, '..', '..');

/** Every path under the folders a new context writes to (dependencies and generated code aside), with its modification time. */
function contextFolders(dir = '', skip = new Set(['node_modules', 'generated'])): string[] {
  const entries = dir ? readdirSync(path.join(root, dir), { withFileTypes: true }) : ['subgraphs', 'prisma'].map((name) => ({ name, isDirectory: () => true }));
  return entries
    .filter((entry) => !skip.has(entry.name))
    .flatMap((entry) => {
      const relative = path.join(dir, entry.name);
      const stamp = `${relative} ${statSync(path.join(root, relative)).mtimeMs}`;
      return entry.isDirectory() ? [stamp, ...contextFolders(relative, skip)] : [stamp];
    });
}

const contextNew = (...args: string[]) =>
  spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/context-new.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('pnpm context:new', () => {
  it('refuses a bad name with exit code 1 and a clear message, writing nothing', () => {
    const before = contextFolders();

    const run = contextNew('Reviews');

    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 1, stdout: '' });
    expect(run.stderr).toMatch(/^context:new: "Reviews" is not lower-case kebab case/);
    expect(contextFolders()).toEqual(before);
  });

  it.each([
    ['Reviews', /"Reviews" is not lower-case kebab case/],
    ['a_b', /"a_b" is not lower-case kebab case/],
    ['catalog', /subgraphs\/catalog already exists/],
    ['products', /the supergraph already has Product, .*Query\.product/],
    ['gateway', /"gateway" is reserved/],
    [undefined, /usage: pnpm context:new <name>/],
  ])('refuses %s, writing nothing', async (name, message) => {
    const before = contextFolders();

    await expect(scaffoldContext(root, name)).rejects.toThrow(message);
    expect(contextFolders()).toEqual(before);
  });
});

describe('the names of a new context', () => {
  it.each([
    ['reviews', 'review'],
    ['categories', 'category'],
    ['addresses', 'address'],
    ['gift-cards', 'gift-card'],
    ['loyalty', 'loyalty'],
    ['glass', 'glass'],
  ])('%s has the aggregate %s', (name, aggregate) => {
    expect(singular(name)).toBe(aggregate);
  });

  it('are derived once for code, environment, tables and the migration folder', () => {
    expect(placeholders('gift-cards', 4008, {}, new Date('2026-11-29T18:07:57.123Z'))).toMatchObject({
      Context: 'GiftCards',
      context: 'giftCards',
      CONTEXT: 'GIFT_CARDS',
      table: 'gift_cards',
      Aggregate: 'GiftCard',
      aggregateVar: 'giftCard',
      aggregateWords: 'gift card',
      port: '4008',
      migration: '20261129180757_init',
    });
  });
});
