import { ok, type Result } from '@storefront/kernel';
import { Promotion, type NewPromotion, type PromotionState } from '../../domain/promotion.aggregate';
import type { PromotionRepository } from '../../domain/promotion.repository';
import type { Environment } from '../environment';

export type CreatePromotionCommand = Omit<NewPromotion, 'id'>;

export class CreatePromotion {
  constructor(
    private readonly repository: PromotionRepository,
    private readonly env: Environment,
  ) {}

  async execute(command: CreatePromotionCommand): Promise<Result<PromotionState>> {
    const created = Promotion.create({ ...command, id: this.env.newId() }, this.env.now());
    if (!created.ok) return created;
    await this.repository.add(created.value);
    return ok(created.value.snapshot());
  }
}
