import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import './apollo-hot-paths';

const fromGateway = createRequire(require.resolve('@apollo/gateway'));
const fromServer = createRequire(require.resolve('@apollo/server'));

describe("Apollo's library functions, as the gateway reaches them", () => {
  it('gives @apollo/gateway the federation library as plain properties holding the same functions', () => {
    const library = fromGateway('@apollo/federation-internals') as Record<string, unknown>;
    const descriptors = Object.entries(Object.getOwnPropertyDescriptors(library));
    expect(descriptors.length).toBeGreaterThan(200);
    expect(descriptors.filter(([, descriptor]) => 'get' in descriptor).map(([key]) => key)).toEqual([]);
    const utils = fromGateway('@apollo/federation-internals/dist/utils') as Record<string, unknown>;
    const definitions = fromGateway('@apollo/federation-internals/dist/definitions') as Record<string, unknown>;
    expect(library.assert).toBe(utils.assert);
    expect(library.isNonNullType).toBe(definitions.isNonNullType);
    expect(library.__esModule).toBe(true);
  });

  it("hashes as Node's crypto does, for Apollo Server and for the gateway", () => {
    for (const from of [fromServer, fromGateway]) {
      const { createHash: apollos } = from('@apollo/utils.createhash') as { createHash: typeof createHash };
      expect(apollos('sha256').update('{ products { id } }').digest('hex')).toBe(createHash('sha256').update('{ products { id } }').digest('hex'));
    }
  });
});
