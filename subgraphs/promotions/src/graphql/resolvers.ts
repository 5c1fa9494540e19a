import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { formatMoney, instantCursors, pageSize, requireRole, toPayload } from '@storefront/platform';
import { promotionStatus, type PromotionState } from '../domain/promotion.aggregate';
import type { Money } from '../domain/money.value-object';
import type { Resolvers } from './generated/resolvers-types';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

const moneyView = (money: Money | null) => (money ? { ...money, formatted: formatMoney(money.amount, money.currency) } : null);

/** A promotion as the API shows it, its status as of `now`. */
function toView(state: Readonly<PromotionState>, now: Date) {
  const { terms } = state;
  return {
    id: state.id,
    code: terms.code,
    description: terms.description,
    kind: terms.kind,
    percentOff: terms.percentOff,
    amountOff: moneyView(terms.amountOff),
    productIds: [...terms.productIds],
    categoryIds: [...terms.categoryIds],
    minimumSubtotal: moneyView(terms.minimumSubtotal),
    startsAt: terms.startsAt.toISOString(),
    endsAt: terms.endsAt?.toISOString() ?? null,
    usageLimit: terms.usageLimit,
    perCustomerLimit: terms.perCustomerLimit,
    status: promotionStatus(state, now),
    endedAt: state.endedAt?.toISOString() ?? null,
    redemptionCount: state.redemptionCount,
    createdAt: state.createdAt.toISOString(),
  };
}

/** An edge's place in the list: when the promotion was created, then its id. */
const cursors = instantCursors('promotions.promotions');

export const resolvers: Resolvers = {
  Query: {
    promotions: async (_, args, ctx) => {
      requireRole(ctx.identity, 'admin');
      const size = pageSize(args.first);
      const page = await ctx.queries.page(cursors.decode(args.after), size);
      const edges = page.items.map((item) => ({ cursor: cursors.encode({ at: item.createdAt, id: item.id }), node: toView(item, ctx.now()) }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },
  Mutation: {
    createPromotion: async (_, { input }, ctx) => {
      requireRole(ctx.identity, 'admin');
      return toPayload('promotion', await ctx.useCases.createPromotion.execute(input), (state) => toView(state, ctx.now()));
    },
    endPromotion: async (_, { id }, ctx) => {
      requireRole(ctx.identity, 'admin');
      return toPayload('promotion', await ctx.useCases.endPromotion.execute(id), (state) => toView(state, ctx.now()));
    },
  },
};
