import { Promotion } from './promotion.aggregate';
import { PROMOTION_A, PROMOTION_B, aStoredPromotion, hoursFromNow, now, someTerms } from './promotion.test-builders';

describe('Promotion', () => {
  describe('create', () => {
    it('records that it was activated, with its terms', () => {
      const created = Promotion.create(PROMOTION_B, someTerms(), [], now);
      if (!created.ok) throw new Error(created.error.message);
      expect(created.value.pullEvents()).toEqual([{ type: 'PromotionActivated', aggregateId: PROMOTION_B, occurredAt: now, terms: someTerms() }]);
      expect(created.value.snapshot()).toMatchObject({ endedAt: null, redemptionCount: 0, createdAt: now });
    });

    it('refuses a code another promotion uses at the same time', () => {
      const running = aStoredPromotion({ code: 'WELCOME5', endsAt: hoursFromNow(10) });
      expect(Promotion.create(PROMOTION_B, someTerms({ startsAt: hoursFromNow(9) }), [running], now)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'DUPLICATE_CODE', field: 'code', message: expect.stringContaining(PROMOTION_A) }),
      });
    });

    it('takes a code again once the promotion that used it ended, or for a period after it', () => {
      const ended = aStoredPromotion({}, { endedAt: hoursFromNow(-0.5) });
      const expired = aStoredPromotion({ startsAt: hoursFromNow(-5), endsAt: hoursFromNow(-1) });
      const untilTomorrow = aStoredPromotion({ endsAt: hoursFromNow(24) });
      expect(Promotion.create(PROMOTION_B, someTerms({ startsAt: now }), [ended, expired], now).ok).toBe(true);
      expect(Promotion.create(PROMOTION_B, someTerms({ startsAt: hoursFromNow(24) }), [untilTomorrow], now).ok).toBe(true);
    });
  });

  it('is SCHEDULED before its start, ACTIVE until its end, ENDED from its end or once an admin ends it', () => {
    const promotion = aStoredPromotion({ startsAt: hoursFromNow(1), endsAt: hoursFromNow(2) });
    expect(promotion.statusAt(now)).toBe('SCHEDULED');
    expect(promotion.statusAt(hoursFromNow(1))).toBe('ACTIVE');
    expect(promotion.statusAt(hoursFromNow(2))).toBe('ENDED');
    expect(promotion.end(now)).toEqual({ ok: true, value: undefined });
    expect(promotion.statusAt(now)).toBe('ENDED');
  });

  describe('end', () => {
    it('ends it now and records that', () => {
      const promotion = aStoredPromotion();
      promotion.end(now);
      expect(promotion.snapshot().endedAt).toEqual(now);
      expect(promotion.pullEvents()).toEqual([{ type: 'PromotionEnded', aggregateId: PROMOTION_A, occurredAt: now }]);
    });

    it('refuses to end one that has ended already, and records nothing', () => {
      const ended = aStoredPromotion({}, { endedAt: hoursFromNow(-1) });
      const expired = aStoredPromotion({ startsAt: hoursFromNow(-3), endsAt: hoursFromNow(-1) });
      for (const promotion of [ended, expired]) {
        expect(promotion.end(now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'ALREADY_ENDED', field: 'id' }) });
        expect(promotion.pullEvents()).toEqual([]);
      }
    });
  });

  describe('redemptions', () => {
    it('are not refused for its period: ordering applied it within the period it knew of', () => {
      expect(aStoredPromotion({}, { endedAt: hoursFromNow(-1) }).refusalFor(0)).toBeNull();
      expect(aStoredPromotion({ startsAt: hoursFromNow(-3), endsAt: hoursFromNow(-1) }).refusalFor(0)).toBeNull();
    });

    it('take places up to the usage limit, and a place given back can be taken again', () => {
      const promotion = aStoredPromotion({ usageLimit: 2 });
      promotion.redeem(0);
      promotion.redeem(0);
      expect(promotion.refusalFor(0)).toBe('USAGE_LIMIT_REACHED');
      expect(() => promotion.redeem(0)).toThrow(/USAGE_LIMIT_REACHED/);
      promotion.giveBack();
      expect(promotion.refusalFor(0)).toBeNull();
      expect(promotion.snapshot().redemptionCount).toBe(1);
    });

    it('are refused to a customer who holds as many as the per-customer limit', () => {
      const promotion = aStoredPromotion({ perCustomerLimit: 1 });
      expect(promotion.refusalFor(0)).toBeNull();
      expect(promotion.refusalFor(1)).toBe('CUSTOMER_LIMIT_REACHED');
    });

    it('are unlimited without limits', () => {
      const promotion = aStoredPromotion({}, { redemptionCount: 1_000_000 });
      expect(promotion.refusalFor(1_000)).toBeNull();
    });

    it('cannot be given back when none is held', () => {
      expect(() => aStoredPromotion().giveBack()).toThrow(/no redemption/);
    });
  });
});
