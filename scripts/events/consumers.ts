import type { Subscriptions } from '@storefront/events';
import { CONTEXTS, contextModule } from '../system/contexts';

/**
 * Every consuming context's declared subscriptions: the source of the routing table. A context
 * that declares `consumes` keeps them in `src/infrastructure/events/<name>-subscriptions.ts`.
 */
export const CONSUMER_SUBSCRIPTIONS: readonly Subscriptions[] = CONTEXTS.filter((context) => context.consumes).map(({ name }) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const declared = require(contextModule(name, `infrastructure/events/${name}-subscriptions`)) as { subscriptions?: Subscriptions };
  if (!declared.subscriptions) throw new Error(`subgraphs/${name}: declares "consumes" but its ${name}-subscriptions.ts exports no "subscriptions"`);
  return declared.subscriptions;
});
