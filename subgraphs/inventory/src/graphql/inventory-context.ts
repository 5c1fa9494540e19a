import DataLoader from 'dataloader';
import type { Identity } from '@storefront/platform';
import type { ReceiveStock } from '../application/receive-stock/receive-stock.use-case';
import type { AdjustStock } from '../application/adjust-stock/adjust-stock.use-case';
import type { StockQueries, StockView, WarehouseView } from '../infrastructure/stock.queries';

export interface InventoryUseCases {
  receiveStock: ReceiveStock;
  adjustStock: AdjustStock;
}

export interface InventoryContext {
  identity: Identity | null;
  queries: StockQueries;
  useCases: InventoryUseCases;
  /** Per-request loaders: the stock of every product, and every warehouse, asked for in one request costs one query. */
  stock: DataLoader<string, StockView>;
  warehouses: DataLoader<string, WarehouseView | null>;
}

export function inventoryContext(identity: Identity | null, queries: StockQueries, useCases: InventoryUseCases): InventoryContext {
  return {
    identity,
    queries,
    useCases,
    stock: new DataLoader((ids) => queries.stockByProductIds(ids), { maxBatchSize: 1000 }),
    warehouses: new DataLoader((ids) => queries.warehousesByIds(ids)),
  };
}
