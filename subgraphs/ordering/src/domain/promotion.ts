/** An amount in minor units of a currency, as promotions announce it. */
export interface Amount {
  amount: number;
  currency: string;
}

export type PromotionKind = 'PERCENT_OFF' | 'AMOUNT_OFF' | 'FREE_SHIPPING';

/**
 * Ordering's copy of a live promotion, learned from promotions' events (ordering never asks
 * promotions while pricing a cart). Without a code it applies to every cart automatically; with
 * one, only to a cart that applied the code. Empty product and category lists mean "everything".
 */
export interface Promotion {
  promotionId: string;
  code: string | null;
  description: string;
  kind: PromotionKind;
  /** 1 to 100, for PERCENT_OFF. */
  percentOff: number | null;
  /** For AMOUNT_OFF: taken off the lines it applies to together, never more than they cost. */
  amountOff: Amount | null;
  productIds: readonly string[];
  categoryIds: readonly string[];
  /** The cart's subtotal must reach this (in the same currency) for the promotion to apply. */
  minimumSubtotal: Amount | null;
  startsAt: Date;
  endsAt: Date | null;
}

/** A coupon code as customers type it: case and surrounding spaces do not matter. */
export const normaliseCode = (code: string): string => code.trim().toUpperCase();

/** Whether the promotion holds at `now`: started, and not yet ended. */
export const isLive = (promotion: Promotion, now: Date): boolean =>
  promotion.startsAt.getTime() <= now.getTime() && (promotion.endsAt === null || now.getTime() < promotion.endsAt.getTime());

/** The promotions ordering prices carts with. */
export interface PromotionCatalog {
  /** Every promotion announced and not ended (live or still to start). */
  active(): Promise<Promotion[]>;
  /** The active promotion with this code (normalised), if any. */
  withCode(code: string): Promise<Promotion | null>;
}

/** Keeps ordering's copy current; used inside the transaction that handles one promotions event. */
export interface PromotionCopies {
  /** Adds the promotion unless it is known already, or ended before its activation arrived. */
  learn(promotion: Promotion): Promise<void>;
  /** Marks the promotion ended, also when its activation has not arrived yet. */
  end(promotionId: string, at: Date): Promise<void>;
}
