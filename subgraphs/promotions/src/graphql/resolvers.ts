import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { requireRole, toPayload } from '@storefront/platform';
import type { PromotionState } from '../domain/promotion.aggregate';
import type { PromotionsContext } from './promotions-context';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

const toView = (state: Readonly<PromotionState>) => ({ id: state.id, name: state.name, createdAt: state.createdAt.toISOString() });

async function findPromotion(id: string, ctx: PromotionsContext) {
  const found = await ctx.promotions.findById(id);
  return found ? toView(found.snapshot()) : null;
}

export const resolvers: GraphQLResolverMap<PromotionsContext> = {
  Query: {
    promotion: (_: unknown, { id }: { id: string }, ctx: PromotionsContext) => findPromotion(id, ctx),
  },
  Mutation: {
    createPromotion: async (_: unknown, { input }: { input: { name: string } }, ctx: PromotionsContext) => {
      requireRole(ctx.identity, 'admin');
      return toPayload('promotion', await ctx.useCases.createPromotion.execute(input), toView);
    },
  },
  Promotion: {
    __resolveReference: (ref: { id: string }, ctx: PromotionsContext) => findPromotion(ref.id, ctx),
  },
};
