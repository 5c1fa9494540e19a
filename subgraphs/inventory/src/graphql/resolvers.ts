import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { ok, type Result } from '@storefront/kernel';
import { requireRole, toPayload } from '@storefront/platform';
import type { WarehouseStockView } from '../infrastructure/stock.queries';
import type { InventoryContext } from './inventory-context';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

interface ProductRef {
  id: string;
}

/** A payload with the product's total stock as it is now, read afresh after the change. */
async function stockPayload(ctx: InventoryContext, productId: string, result: Result<unknown>) {
  if (!result.ok) return toPayload('stock', result);
  const stock = await ctx.stock.clear(productId).load(productId);
  return toPayload('stock', ok(stock));
}

export const resolvers: GraphQLResolverMap<InventoryContext> = {
  Query: {
    warehouses: (_: unknown, __: unknown, ctx: InventoryContext) => ctx.queries.warehouses(),
  },
  Mutation: {
    receiveStock: async (_: unknown, { input }: { input: { productId: string; warehouseId: string; quantity: number } }, ctx: InventoryContext) => {
      requireRole(ctx.identity, 'admin');
      return stockPayload(ctx, input.productId, await ctx.useCases.receiveStock.execute(input));
    },
    adjustStock: async (_: unknown, { input }: { input: { productId: string; warehouseId: string; quantity: number; reason: string } }, ctx: InventoryContext) => {
      requireRole(ctx.identity, 'admin');
      return stockPayload(ctx, input.productId, await ctx.useCases.adjustStock.execute(input));
    },
  },
  Product: {
    // No query here: the stock fields load through the per-request loader, so a list is one query.
    __resolveReference: (ref: ProductRef) => ({ id: ref.id }),
    stock: (product: ProductRef, _: unknown, ctx: InventoryContext) => ctx.stock.load(product.id),
    inStock: async (product: ProductRef, _: unknown, ctx: InventoryContext) => (await ctx.stock.load(product.id)).available > 0,
  },
  WarehouseStock: {
    warehouse: async (level: WarehouseStockView, _: unknown, ctx: InventoryContext) => {
      const warehouse = await ctx.warehouses.load(level.warehouseId);
      if (!warehouse) throw new Error(`Stock is counted in warehouse ${level.warehouseId}, which does not exist`);
      return warehouse;
    },
  },
};
