import { appendToOutbox } from '@storefront/messaging';
import type { OrderRedemption } from '../domain/order-redemption.aggregate';
import type { OrderRedemptionRepository } from '../domain/order-redemption.repository';
import type { Prisma } from './prisma/generated/client';
import { toIntegrationEvents } from './events/promotions-integration-events';
import { toDomain } from './order-redemption.mapper';

/** Works inside the transaction of the event handler that changes the order's redemption. */
export class PrismaOrderRedemptionRepository implements OrderRedemptionRepository {
  constructor(
    private readonly tx: Prisma.TransactionClient,
    /** The event being handled: the cause of whatever the redemption publishes. */
    private readonly causationId: string | null,
  ) {}

  /**
   * A transaction-scoped advisory lock on the order id, taken before the row is read: it also
   * serializes two events about an order that has no row yet (placed and cancelled arriving
   * together), which a row lock could not.
   */
  async lockFor(orderId: string): Promise<OrderRedemption | null> {
    await this.tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`promotions.order:${orderId}`}, 0))`;
    const row = await this.tx.orderRedemption.findUnique({ where: { orderId }, include: { redemptions: true } });
    return row ? toDomain(row) : null;
  }

  async heldByCustomer(customerId: string, promotionIds: readonly string[]): Promise<Map<string, number>> {
    const counts = await this.tx.redemption.groupBy({
      by: ['promotionId'],
      where: { customerId, held: true, promotionId: { in: [...promotionIds] } },
      _count: { _all: true },
    });
    return new Map(counts.map((row) => [row.promotionId, row._count._all]));
  }

  /** The redemptions are written once, when the order redeems; giving back only marks them no longer held. */
  async save(redemption: OrderRedemption): Promise<void> {
    const { orderId, customerId, status, promotionIds, refusal, at } = redemption.snapshot();
    const refused = { refusedPromotionId: refusal?.promotionId ?? null, refusedCode: refusal?.code ?? null, refusalReason: refusal?.reason ?? null };
    await this.tx.orderRedemption.upsert({
      where: { orderId },
      create: { orderId, customerId, status, ...refused, updatedAt: at },
      update: { status, updatedAt: at },
    });
    if (status === 'REDEEMED' && customerId !== null) {
      await this.tx.redemption.createMany({ data: promotionIds.map((promotionId) => ({ orderId, promotionId, customerId })), skipDuplicates: true });
    }
    if (status === 'GIVEN_BACK') await this.tx.redemption.updateMany({ where: { orderId }, data: { held: false } });
    await appendToOutbox(this.tx, toIntegrationEvents(redemption.pullEvents(), this.causationId));
  }
}
