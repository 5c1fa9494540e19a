import type { Environment, Result, Transactions } from '@storefront/kernel';
import { checkPositiveQuantity } from '../../domain/quantity';
import { StockLevel, type StockLevelState } from '../../domain/stock-level.aggregate';
import type { StockLevelRepository, WarehouseDirectory } from '../../domain/stock-level.repository';
import type { ProductRegister } from '../../domain/stock-keeping-unit';
import { changeStockLevel } from '../change-stock-level';
import { knownProduct, knownWarehouse } from '../known-references';

export interface ReceiveStockCommand {
  productId: string;
  warehouseId: string;
  quantity: number;
}

/** Counts units of a product inventory has learned of that arrived at a warehouse. */
export class ReceiveStock {
  constructor(
    private readonly transactions: Transactions<StockLevelRepository>,
    private readonly warehouses: WarehouseDirectory,
    private readonly products: ProductRegister,
    private readonly env: Environment,
  ) {}

  async execute({ productId, warehouseId, quantity }: ReceiveStockCommand): Promise<Result<StockLevelState>> {
    // Bad input is refused before any lookup; the aggregate checks it again when it changes.
    const valid = checkPositiveQuantity(quantity);
    if (!valid.ok) return valid;
    const warehouse = await knownWarehouse(this.warehouses, warehouseId);
    if (!warehouse.ok) return warehouse;
    const product = await knownProduct(this.products, productId);
    if (!product.ok) return product;
    return changeStockLevel(
      this.transactions,
      { productId, warehouseId },
      (level) => level.receive(quantity, this.env.now()),
      () => StockLevel.open(productId, warehouseId),
    );
  }
}
