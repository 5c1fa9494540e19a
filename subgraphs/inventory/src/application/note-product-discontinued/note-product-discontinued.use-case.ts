import { discontinue, ProductNotYetLearnedError, type StockKeepingUnitRepository } from '../../domain/stock-keeping-unit';

export interface NoteProductDiscontinuedCommand {
  productId: string;
  catalogVersion: number;
  at: Date;
}

/** Records that catalog stopped selling a product; its stock stays countable (returns still arrive). */
export class NoteProductDiscontinued {
  constructor(private readonly units: StockKeepingUnitRepository) {}

  async execute({ productId, catalogVersion, at }: NoteProductDiscontinuedCommand): Promise<void> {
    const unit = await this.units.find(productId);
    if (!unit) throw new ProductNotYetLearnedError(productId);
    const changed = discontinue(unit, catalogVersion, at);
    if (changed !== unit) await this.units.save(changed);
  }
}
