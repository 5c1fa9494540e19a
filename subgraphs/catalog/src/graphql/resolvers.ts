import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { badUserInput, decodeCursor, encodeCursor, formatMoney, isUuid, pageSize, requireRole, toPayload } from '@storefront/platform';
import type { ProductState } from '../domain/product.aggregate';
import type { ProductView } from '../infrastructure/product-catalog.queries';
import type { Resolvers } from './generated/resolvers-types';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

const CURSOR_NAMESPACE = 'catalog.products';
const isSkuKey = (key: string) => key.length > 0 && key.length <= 64;

function toView(state: ProductState): ProductView {
  return { ...state, priceAmount: state.price.amount, priceCurrency: state.price.currency };
}

export const resolvers: Resolvers = {
  Query: {
    product: (_, { id }, ctx) => ctx.products.load(id),
    products: async (_, args, ctx) => {
      const size = pageSize(args.first);
      // PostgreSQL text cannot hold NUL; a search for it is bad input, not a failure.
      if (args.filter?.search?.includes('\u0000')) throw badUserInput('filter.search must not contain the NUL character', 'filter.search');
      const afterSku = args.after ? decodeCursor(CURSOR_NAMESPACE, args.after, isSkuKey) : null;
      const page = await ctx.queries.page(args.filter ?? {}, afterSku, size);
      const edges = page.items.map((node) => ({ cursor: encodeCursor(CURSOR_NAMESPACE, node.sku), node }));
      page.items.forEach((item) => ctx.products.prime(item.id, item));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
    },
    categories: (_, __, ctx) => ctx.queries.categories(),
  },
  Mutation: {
    createProduct: async (_, { input }, ctx) => {
      requireRole(ctx.identity, 'admin');
      const result = await ctx.useCases.createProduct.execute({ ...input, imageUrls: input.imageUrls ?? [] });
      return toPayload('product', result, toView);
    },
    updateProductDetails: async (_, { input }, ctx) => {
      requireRole(ctx.identity, 'admin');
      const result = await ctx.useCases.updateProductDetails.execute({
        id: input.id,
        ...(input.name != null ? { name: input.name } : {}),
        ...(input.description != null ? { description: input.description } : {}),
        ...(input.categoryId !== undefined ? { categoryId: input.categoryId } : {}),
        ...(input.imageUrls != null ? { imageUrls: input.imageUrls } : {}),
      });
      return toPayload('product', result, toView);
    },
    changeProductPrice: async (_, { input }, ctx) => {
      requireRole(ctx.identity, 'admin');
      return toPayload('product', await ctx.useCases.changeProductPrice.execute(input), toView);
    },
    discontinueProduct: async (_, { id }, ctx) => {
      requireRole(ctx.identity, 'admin');
      return toPayload('product', await ctx.useCases.discontinueProduct.execute(id), toView);
    },
  },
  Product: {
    __resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.products.load(ref.id) : null),
    category: (product, _, ctx) => (product.categoryId ? ctx.categories.load(product.categoryId) : null),
    price: (product) => ({
      amount: product.priceAmount,
      currency: product.priceCurrency,
      formatted: formatMoney(product.priceAmount, product.priceCurrency),
    }),
  },
};
