// What the resolvers return for these SDL types, where it is not the SDL's shape
// (read by `pnpm schema:types`: each `<SdlType>Mapper` types that SDL type in the generated resolver types).
import type { StockView, WarehouseStockView, WarehouseView } from '../infrastructure/stock.queries';

export type StockMapper = StockView;
export type WarehouseStockMapper = WarehouseStockView;
export type WarehouseMapper = WarehouseView;
