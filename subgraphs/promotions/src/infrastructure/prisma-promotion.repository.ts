import { appendToOutbox } from '@storefront/messaging';
import { isUuid, readLocked } from '@storefront/platform';
import type { Promotion } from '../domain/promotion.aggregate';
import type { PromotionRepository } from '../domain/promotion.repository';
import type { Prisma } from './prisma/generated/client';
import { toIntegrationEvents } from './events/promotions-integration-events';
import { toDomain, toNewRow, toPersistence } from './promotion.mapper';

/** Works inside one transaction: a mutation's, or an event handler's. */
export class PrismaPromotionRepository implements PromotionRepository {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  async add(promotion: Promotion): Promise<void> {
    await this.tx.promotion.create({ data: toNewRow(promotion.snapshot()) });
    await this.publish(promotion);
  }

  async save(promotion: Promotion): Promise<void> {
    const state = promotion.snapshot();
    await this.tx.promotion.update({ where: { id: state.id }, data: toPersistence(state) });
    await this.publish(promotion);
  }

  async lockFor(id: string): Promise<Promotion | null> {
    return (await this.lockAll([id]))[0] ?? null;
  }

  /** Row locks taken in id order by one statement; then the rows are read whole. */
  async lockAll(ids: readonly string[]): Promise<Promotion[]> {
    const wanted = [...new Set(ids.filter(isUuid))].sort();
    if (wanted.length === 0) return [];
    const rows = await readLocked(
      this.tx.$executeRaw`SELECT 1 FROM promotions WHERE id = ANY(${wanted}::uuid[]) ORDER BY id FOR UPDATE`,
      () => this.tx.promotion.findMany({ where: { id: { in: wanted } }, orderBy: { id: 'asc' } }),
    );
    return (rows ?? []).map(toDomain);
  }

  /** A transaction-scoped advisory lock on the code: it serializes creating a code that has no row yet, which a row lock could not. */
  async lockCode(code: string): Promise<Promotion[]> {
    await this.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`promotions.code:${code}`}, 0))`;
    const rows = await this.tx.promotion.findMany({ where: { code, endedAt: null } });
    return rows.map(toDomain);
  }

  private async publish(promotion: Promotion): Promise<void> {
    await appendToOutbox(this.tx, toIntegrationEvents(promotion.pullEvents()));
  }
}
