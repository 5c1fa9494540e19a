import type { NewPromotion } from './promotion.aggregate';

export const AT = new Date('2026-01-01T00:00:00Z');

/** A valid new promotion; tests override only what they are about. */
export function newPromotion(overrides: Partial<NewPromotion> = {}): NewPromotion {
  return { id: '7d2f1a52-0000-4000-8000-000000000001', name: 'First promotion', ...overrides };
}
