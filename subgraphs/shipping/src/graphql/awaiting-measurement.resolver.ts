import { instantCursors, pageSize, requireRole } from '@storefront/platform';
import type { QueryProductsAwaitingMeasurementArgs } from './generated/resolvers-types';
import type { ShippingContext } from './shipping-context';

const MAX_PRODUCT_ID = 128;

/** An edge's place in the list: when shipping learned of the product, then its id (any id catalog gave it). */
const cursors = instantCursors('shipping.awaiting-measurement', (productId) => productId.length > 0 && productId.length <= MAX_PRODUCT_ID);

/** Admin: the warehouse's to-measure list, a Relay connection of Products, longest waiting first. */
export async function productsAwaitingMeasurement(_: unknown, args: QueryProductsAwaitingMeasurementArgs, ctx: ShippingContext) {
  requireRole(ctx.identity, 'admin');
  const size = pageSize(args.first);
  const after = cursors.decode(args.after);
  const page = await ctx.queries.awaitingMeasurement(after && { learnedAt: after.at, productId: after.id }, size);
  const edges = page.items.map((item) => ({
    cursor: cursors.encode({ at: item.learnedAt, id: item.productId }),
    node: { id: item.productId },
    waitingSince: item.learnedAt.toISOString(),
  }));
  // Their status is known without asking again: they are on this list because nobody measured them.
  page.items.forEach((item) => ctx.parcels.prime(item.productId, { profile: null, status: 'AWAITING_MEASUREMENT' }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
