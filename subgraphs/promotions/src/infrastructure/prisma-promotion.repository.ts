import { appendToOutbox } from '@storefront/messaging';
import { isUuid } from '@storefront/platform';
import type { Promotion } from '../domain/promotion.aggregate';
import type { PromotionRepository } from '../domain/promotion.repository';
import type { PromotionsDb } from './promotions-database';
import { toIntegrationEvents } from './events/promotions-integration-events';
import { toDomain, toPersistence } from './promotion.mapper';

export class PrismaPromotionRepository implements PromotionRepository {
  constructor(private readonly db: PromotionsDb) {}

  async findById(id: string): Promise<Promotion | null> {
    if (!isUuid(id)) return null;
    const row = await this.db.promotion.findUnique({ where: { id } });
    return row ? toDomain(row) : null;
  }

  /** The row and its events in the outbox commit together, or neither does. */
  async add(promotion: Promotion): Promise<void> {
    const events = toIntegrationEvents(promotion.pullEvents());
    await this.db.$transaction(async (tx) => {
      await tx.promotion.create({ data: toPersistence(promotion.snapshot()) });
      await appendToOutbox(tx, events);
    });
  }
}
