import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { ok, type Result } from '@storefront/kernel';
import { requireRole, toPayload } from '@storefront/platform';
import type { StockView } from '../infrastructure/stock.queries';
import type { Resolvers } from './generated/resolvers-types';
import type { InventoryContext } from './inventory-context';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

/** A payload with the product's total stock as it is now, read afresh after the change. */
async function stockPayload(ctx: InventoryContext, productId: string, result: Result<unknown>) {
  if (!result.ok) return toPayload<'stock', StockView>('stock', result);
  const stock = await ctx.stock.clear(productId).load(productId);
  return toPayload('stock', ok(stock));
}

export const resolvers: Resolvers = {
  Query: {
    warehouses: (_, __, ctx) => ctx.queries.warehouses(),
  },
  Mutation: {
    receiveStock: async (_, { input }, ctx) => {
      requireRole(ctx.identity, 'admin');
      return stockPayload(ctx, input.productId, await ctx.useCases.receiveStock.execute(input));
    },
    adjustStock: async (_, { input }, ctx) => {
      requireRole(ctx.identity, 'admin');
      return stockPayload(ctx, input.productId, await ctx.useCases.adjustStock.execute(input));
    },
  },
  Product: {
    // No query here: the stock fields load through the per-request loader, so a list is one query.
    __resolveReference: (ref) => ({ id: ref.id }),
    stock: (product, _, ctx) => ctx.stock.load(product.id),
    inStock: async (product, _, ctx) => (await ctx.stock.load(product.id)).available > 0,
  },
  WarehouseStock: {
    warehouse: async (level, _, ctx) => {
      const warehouse = await ctx.warehouses.load(level.warehouseId);
      if (!warehouse) throw new Error(`Stock is counted in warehouse ${level.warehouseId}, which does not exist`);
      return warehouse;
    },
  },
};
