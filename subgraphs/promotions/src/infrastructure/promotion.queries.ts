import type { InstantPosition } from '@storefront/platform';
import type { PromotionState } from '../domain/promotion.aggregate';
import { toTerms } from './promotion.mapper';
import type { PromotionsDb } from './promotions-database';

/** The read side of promotions, straight from the table. */
export class PromotionQueries {
  constructor(private readonly db: PromotionsDb) {}

  /** One page, newest first (then by id), after the promotion created at `after.at` with `after.id`; fetches one extra row to know if more follow. */
  async page(after: InstantPosition | null, size: number): Promise<{ items: PromotionState[]; hasNextPage: boolean }> {
    const rows = await this.db.promotion.findMany({
      where: after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: size + 1,
    });
    const items = rows.slice(0, size).map((row) => ({ id: row.id, terms: toTerms(row), endedAt: row.endedAt, redemptionCount: row.redemptionCount, createdAt: row.createdAt }));
    return { items, hasNextPage: rows.length > size };
  }
}
