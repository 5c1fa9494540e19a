import type { Result } from '@storefront/kernel';
import { checkPositiveQuantity } from '../../domain/quantity';
import { StockLevel, type StockLevelState } from '../../domain/stock-level.aggregate';
import type { StockLevelRepository, WarehouseDirectory } from '../../domain/stock-level.repository';
import type { Environment } from '../environment';
import { changeStockLevel } from '../change-stock-level';
import { knownWarehouse } from '../known-warehouse';

export interface ReceiveStockCommand {
  productId: string;
  warehouseId: string;
  quantity: number;
}

/** Counts units that arrived at a warehouse; a product's first receipt there opens its record. */
export class ReceiveStock {
  constructor(
    private readonly levels: StockLevelRepository,
    private readonly warehouses: WarehouseDirectory,
    private readonly env: Environment,
  ) {}

  async execute({ productId, warehouseId, quantity }: ReceiveStockCommand): Promise<Result<StockLevelState>> {
    // Bad input is refused before any lookup; the aggregate checks it again when it changes.
    const valid = checkPositiveQuantity(quantity);
    if (!valid.ok) return valid;
    const warehouse = await knownWarehouse(this.warehouses, warehouseId);
    if (!warehouse.ok) return warehouse;
    return changeStockLevel(
      this.levels,
      { productId, warehouseId },
      (level) => level.receive(quantity, this.env.now()),
      () => StockLevel.open(productId, warehouseId),
    );
  }
}
