import { OrderRedemption } from './order-redemption.aggregate';
import { ORDER, PROMOTION_A, PROMOTION_B, aPlacedOrder, aRedeemedOrder, aStoredPromotion, hoursFromNow, now } from './promotion.test-builders';

const automatic = () => aStoredPromotion({ code: null }, { id: PROMOTION_A });
const coupon = (usageLimit: number | null = 5, redemptionCount = 0) => aStoredPromotion({ code: 'WELCOME5', usageLimit }, { id: PROMOTION_B, redemptionCount });

describe('OrderRedemption', () => {
  it('redeems every promotion the order applied, and records that', () => {
    const promotions = [automatic(), coupon()];
    const redemption = OrderRedemption.redeem(aPlacedOrder({ promotionIds: [PROMOTION_A, PROMOTION_B] }), promotions, new Map());
    expect(redemption.status).toBe('REDEEMED');
    expect(redemption.heldPromotionIds).toEqual([PROMOTION_A, PROMOTION_B]);
    expect(promotions.map((p) => p.snapshot().redemptionCount)).toEqual([1, 1]);
    expect(redemption.pullEvents()).toEqual([{ type: 'PromotionsRedeemed', aggregateId: ORDER, occurredAt: now, orderId: ORDER, promotionIds: [PROMOTION_A, PROMOTION_B] }]);
  });

  it('redeems none when one cannot be redeemed, and records why', () => {
    const promotions = [automatic(), coupon(5, 5)];
    const redemption = OrderRedemption.redeem(aPlacedOrder({ promotionIds: [PROMOTION_A, PROMOTION_B] }), promotions, new Map());
    expect(redemption.status).toBe('REFUSED');
    expect(redemption.heldPromotionIds).toEqual([]);
    expect(promotions.map((p) => p.snapshot().redemptionCount)).toEqual([0, 5]);
    expect(redemption.pullEvents()).toEqual([
      { type: 'RedemptionRefused', aggregateId: ORDER, occurredAt: now, orderId: ORDER, promotionId: PROMOTION_B, code: 'WELCOME5', reason: 'USAGE_LIMIT_REACHED' },
    ]);
  });

  it("refuses by the customer's own redemptions against the per-customer limit", () => {
    const once = aStoredPromotion({ code: 'ONCE', perCustomerLimit: 1 }, { id: PROMOTION_B });
    const refused = OrderRedemption.redeem(aPlacedOrder({ promotionIds: [PROMOTION_B] }), [once], new Map([[PROMOTION_B, 1]]));
    expect(refused.snapshot().refusal).toEqual({ promotionId: PROMOTION_B, code: 'ONCE', reason: 'CUSTOMER_LIMIT_REACHED' });
  });

  it('refuses a promotion it does not know', () => {
    expect(OrderRedemption.redeem(aPlacedOrder(), [], new Map()).snapshot().refusal).toEqual({ promotionId: PROMOTION_A, code: null, reason: 'UNKNOWN_PROMOTION' });
  });

  it('redeems a promotion an admin ended after ordering priced the order, before ordering heard of it', () => {
    const ended = aStoredPromotion({}, { endedAt: hoursFromNow(-0.01) });
    expect(OrderRedemption.redeem(aPlacedOrder(), [ended], new Map()).status).toBe('REDEEMED');
  });

  it('counts a promotion named twice once', () => {
    const promotion = coupon(1);
    const redemption = OrderRedemption.redeem(aPlacedOrder({ promotionIds: [PROMOTION_B, PROMOTION_B] }), [promotion], new Map());
    expect(redemption.heldPromotionIds).toEqual([PROMOTION_B]);
    expect(promotion.snapshot().redemptionCount).toBe(1);
  });

  describe('giveBack', () => {
    it('frees the places of every promotion the order redeemed, once', () => {
      const promotions = [aStoredPromotion({}, { id: PROMOTION_A, redemptionCount: 3 }), coupon(5, 5)];
      const redemption = aRedeemedOrder([PROMOTION_A, PROMOTION_B]);
      redemption.giveBack(promotions, hoursFromNow(1));
      expect(redemption.status).toBe('GIVEN_BACK');
      expect(redemption.heldPromotionIds).toEqual([]);
      expect(promotions.map((p) => p.snapshot().redemptionCount)).toEqual([2, 4]);
      redemption.giveBack(promotions, hoursFromNow(2));
      expect(promotions.map((p) => p.snapshot().redemptionCount)).toEqual([2, 4]);
    });

    it('gives back nothing for a refused order or one closed before it was seen placed', () => {
      const promotion = coupon(5, 5);
      const refused = OrderRedemption.redeem(aPlacedOrder({ promotionIds: [PROMOTION_B] }), [promotion], new Map());
      refused.giveBack([promotion], now);
      expect(refused.status).toBe('REFUSED');
      const closed = OrderRedemption.closedBeforePlaced(ORDER, now);
      closed.giveBack([promotion], now);
      expect(closed.status).toBe('CLOSED');
      expect(promotion.snapshot().redemptionCount).toBe(5);
    });

    it('refuses to give back without the promotions it holds (a bug in the caller)', () => {
      expect(() => aRedeemedOrder([PROMOTION_A]).giveBack([], now)).toThrow(/not loaded/);
    });
  });
});
