import { defineSubscriptions } from '@storefront/events';

/**
 * What promotions listens to: nothing yet. Add a contract here and its handler (`on(contract, ...)`
 * from @storefront/messaging) to the handlers main.ts passes, then run `pnpm events:contracts`.
 */
export const subscriptions = defineSubscriptions('promotions', []);
