import type { Environment, Result, Transactions } from '@storefront/kernel';
import { checkAdjustment, checkReason } from '../../domain/quantity';
import type { StockLevelState } from '../../domain/stock-level.aggregate';
import type { StockLevelRepository, WarehouseDirectory } from '../../domain/stock-level.repository';
import { changeStockLevel } from '../change-stock-level';
import { knownWarehouse } from '../known-references';

export interface AdjustStockCommand {
  productId: string;
  warehouseId: string;
  /** The signed change of on-hand units. */
  quantity: number;
  reason: string;
}

/** Corrects the units on hand after a count, a breakage or a loss, with the reason on record. */
export class AdjustStock {
  constructor(
    private readonly transactions: Transactions<StockLevelRepository>,
    private readonly warehouses: WarehouseDirectory,
    private readonly env: Environment,
  ) {}

  async execute({ productId, warehouseId, quantity, reason }: AdjustStockCommand): Promise<Result<StockLevelState>> {
    // Bad input is refused before any lookup; the aggregate checks it again when it changes.
    const valid = checkAdjustment(quantity);
    if (!valid.ok) return valid;
    const explained = checkReason(reason);
    if (!explained.ok) return explained;
    const warehouse = await knownWarehouse(this.warehouses, warehouseId);
    if (!warehouse.ok) return warehouse;
    return changeStockLevel(this.transactions, { productId, warehouseId }, (level) => level.adjust(quantity, reason, this.env.now()));
  }
}
