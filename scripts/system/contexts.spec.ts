import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTEXTS, contextModule } from './contexts';

/**
 * A declaration says what a context has; these check it against the context's files, so that a
 * wrong flag fails here rather than as a context missing from the routing table or the demo data.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const exists = (context: string, module: string) => existsSync(`${contextModule(context, module)}.ts`);

describe.each(CONTEXTS.map((context) => [context.name, context] as const))('the declaration of %s', (name, context) => {
  it('matches its files: composition root, subscriptions when it consumes, demo seed when it has demo data', () => {
    expect({
      main: exists(name, 'main'),
      consumes: exists(name, `infrastructure/events/${name}-subscriptions`),
      demoData: exists(name, 'infrastructure/demo-data'),
    }).toEqual({ main: true, consumes: context.consumes, demoData: context.demoData });
  });

  it('publishes exactly when its database has an outbox', () => {
    const schema = readFileSync(path.join(ROOT, 'prisma', name, 'schema.prisma'), 'utf8');
    expect(/^model OutboxEvent \{/m.test(schema)).toBe(context.publishes);
  });
});
