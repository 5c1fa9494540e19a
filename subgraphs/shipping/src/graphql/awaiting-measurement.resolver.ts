import { decodeCursor, encodeCursor, pageSize, requireRole } from '@storefront/platform';
import type { AwaitingMeasurementPosition } from '../infrastructure/parcel.queries';
import type { QueryProductsAwaitingMeasurementArgs } from './generated/resolvers-types';
import type { ShippingContext } from './shipping-context';

const CURSOR_NAMESPACE = 'shipping.awaiting-measurement';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_PRODUCT_ID = 128;

/** A cursor's key is the edge's place in the list: when shipping learned of the product, then its id. */
const toKey = ({ learnedAt, productId }: AwaitingMeasurementPosition) => `${learnedAt.toISOString()}|${productId}`;

function fromKey(key: string): AwaitingMeasurementPosition | null {
  const separator = key.indexOf('|');
  const instant = key.slice(0, separator);
  const productId = key.slice(separator + 1);
  if (separator < 0 || !ISO_INSTANT.test(instant) || productId.length === 0 || productId.length > MAX_PRODUCT_ID) return null;
  const learnedAt = new Date(instant);
  return Number.isNaN(learnedAt.getTime()) ? null : { learnedAt, productId };
}

/** Admin: the warehouse's to-measure list, a Relay connection of Products, longest waiting first. */
export async function productsAwaitingMeasurement(_: unknown, args: QueryProductsAwaitingMeasurementArgs, ctx: ShippingContext) {
  requireRole(ctx.identity, 'admin');
  const size = pageSize(args.first);
  const after = args.after ? fromKey(decodeCursor(CURSOR_NAMESPACE, args.after, (key) => fromKey(key) !== null)) : null;
  const page = await ctx.queries.awaitingMeasurement(after, size);
  const edges = page.items.map((item) => ({
    cursor: encodeCursor(CURSOR_NAMESPACE, toKey(item)),
    node: { id: item.productId },
    waitingSince: item.learnedAt.toISOString(),
  }));
  // Their status is known without asking again: they are on this list because nobody measured them.
  page.items.forEach((item) => ctx.parcels.prime(item.productId, { profile: null, status: 'AWAITING_MEASUREMENT' }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
