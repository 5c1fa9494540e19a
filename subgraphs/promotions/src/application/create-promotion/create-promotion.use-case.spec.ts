import type { PromotionRepository } from '../../domain/promotion.repository';
import type { Promotion } from '../../domain/promotion.aggregate';
import { PROMOTION_A, PROMOTION_B, aPromotionInput, aStoredPromotion, now } from '../../domain/promotion.test-builders';
import type { Transactions } from '@storefront/kernel';
import type { PromotionStore } from '../promotion-store';
import { CreatePromotion } from './create-promotion.use-case';

/** Keeps what was added with the events it recorded, as the real repository writes them to the outbox. */
const notUsed = (): never => {
  throw new Error('CreatePromotion does not use this');
};

class InMemoryPromotions implements PromotionRepository {
  readonly save = notUsed;
  readonly lockFor = notUsed;
  readonly lockAll = notUsed;
  readonly added: { promotion: Promotion; events: unknown[] }[] = [];
  constructor(private readonly existing: Promotion[] = []) {}

  async add(promotion: Promotion): Promise<void> {
    this.added.push({ promotion, events: promotion.pullEvents() });
  }

  async lockCode(code: string): Promise<Promotion[]> {
    return this.existing.filter((promotion) => promotion.code === code);
  }
}

function setUp(existing: Promotion[] = []) {
  const promotions = new InMemoryPromotions(existing);
  let transactions = 0;
  const store: Transactions<PromotionStore> = {
    run: (work) => {
      transactions += 1;
      return work({ promotions, redemptions: { lockFor: notUsed, heldByCustomer: notUsed, save: notUsed } });
    },
  };
  const useCase = new CreatePromotion(store, { newId: () => PROMOTION_B, now: () => now });
  return { promotions, useCase, transactions: () => transactions };
}

describe('CreatePromotion', () => {
  it('stores a new promotion with its PromotionActivated event and returns it', async () => {
    const { promotions, useCase } = setUp();

    const result = await useCase.execute(aPromotionInput());

    expect(result).toEqual({ ok: true, value: expect.objectContaining({ id: PROMOTION_B, redemptionCount: 0, createdAt: now, terms: expect.objectContaining({ code: 'WELCOME5' }) }) });
    expect(promotions.added.map((entry) => entry.events)).toEqual([[expect.objectContaining({ type: 'PromotionActivated', aggregateId: PROMOTION_B })]]);
  });

  it('refuses bad terms before it opens a transaction', async () => {
    const { promotions, useCase, transactions } = setUp();
    expect(await useCase.execute(aPromotionInput({ kind: 'PERCENT_OFF', value: 101 }))).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_PERCENTAGE' }) });
    expect([promotions.added, transactions()]).toEqual([[], 0]);
  });

  it('refuses a code a running promotion has, and stores nothing', async () => {
    const { promotions, useCase } = setUp([aStoredPromotion({ code: 'WELCOME5' }, { id: PROMOTION_A })]);
    expect(await useCase.execute(aPromotionInput())).toEqual({ ok: false, error: expect.objectContaining({ code: 'DUPLICATE_CODE', field: 'code' }) });
    expect(promotions.added).toEqual([]);
  });
});
