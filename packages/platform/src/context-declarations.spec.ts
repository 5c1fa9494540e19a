import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { declaredSubgraphUrl, readContextDeclarations } from './context-declarations';

const declaration = (name: string, port: number) => ({ name, port, publishes: true, consumes: false, demoData: false });

describe('readContextDeclarations', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'contexts-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const declare = (folder: string, content: unknown) => {
    mkdirSync(path.join(root, 'subgraphs', folder), { recursive: true });
    writeFileSync(path.join(root, 'subgraphs', folder, 'context.json'), typeof content === 'string' ? content : JSON.stringify(content));
  };

  it('reads the repository’s contexts, sorted by port, each one a folder with a composition root', () => {
    const contexts = readContextDeclarations();
    expect(contexts.map(({ name, port }) => `${name}:${port}`)).toEqual(
      expect.arrayContaining(['catalog:4001', 'inventory:4002', 'ordering:4003', 'payments:4004', 'shipping:4005', 'notifications:4006']),
    );
    expect(contexts.map((context) => context.port)).toEqual([...contexts.map((context) => context.port)].sort((a, b) => a - b));
    for (const { name } of contexts) expect(existsSync(path.resolve(__dirname, '..', '..', '..', 'subgraphs', name, 'src', 'main.ts'))).toBe(true);
    expect(contexts.find((context) => context.name === 'notifications')).toEqual({ name: 'notifications', port: 4006, publishes: false, consumes: true, demoData: false });
  });

  it('lists only folders with a declaration, sorted by port', () => {
    declare('reviews', declaration('reviews', 4008));
    declare('gift-cards', declaration('gift-cards', 4007));
    mkdirSync(path.join(root, 'subgraphs', 'not-a-context'));
    expect(readContextDeclarations(root).map((context) => context.name)).toEqual(['gift-cards', 'reviews']);
    expect(declaredSubgraphUrl({ port: 4007 })).toBe('http://127.0.0.1:4007/graphql');
  });

  it('names the file and the field of a malformed declaration', () => {
    declare('reviews', { ...declaration('reviews', 4008), port: '4008' });
    expect(() => readContextDeclarations(root)).toThrow('subgraphs/reviews/context.json: "port" must be a port number');
  });

  it('refuses a name that is not its folder, a name not in kebab case, a missing flag, an unknown field, broken JSON', () => {
    declare('reviews', declaration('review', 4008));
    expect(() => readContextDeclarations(root)).toThrow('"name" is "review" but the folder is "reviews"');
    declare('reviews', declaration('Reviews', 4008));
    expect(() => readContextDeclarations(root)).toThrow('"name" must be lower-case kebab case');
    const { demoData: _omitted, ...withoutDemoData } = declaration('reviews', 4008);
    declare('reviews', withoutDemoData);
    expect(() => readContextDeclarations(root)).toThrow('"demoData" must be true or false');
    declare('reviews', { ...declaration('reviews', 4008), colour: 'blue' });
    expect(() => readContextDeclarations(root)).toThrow('unknown field(s) colour');
    declare('reviews', '{ "name": ');
    expect(() => readContextDeclarations(root)).toThrow('subgraphs/reviews/context.json:');
  });

  it('refuses two contexts on one port', () => {
    declare('reviews', declaration('reviews', 4008));
    declare('wishlists', declaration('wishlists', 4008));
    expect(() => readContextDeclarations(root)).toThrow('contexts reviews and wishlists both declare port 4008');
  });
});
