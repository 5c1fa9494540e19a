import { AggregateRoot, fail, ok, type Result } from '@storefront/kernel';
import type { PromotionEvent } from './promotion-events';

export interface PromotionState {
  id: string;
  name: string;
  createdAt: Date;
  version: number;
}

export interface NewPromotion {
  id: string;
  name: string;
}

export const MAX_NAME_LENGTH = 200;

/**
 * promotions's first aggregate. It guards its own invariants and records what happened; replace the
 * name with what this context really knows about a promotion, in its own words.
 */
export class Promotion extends AggregateRoot<PromotionEvent> {
  private constructor(private state: PromotionState) {
    super();
  }

  static create(input: NewPromotion, now: Date): Result<Promotion> {
    const name = input.name.trim();
    if (name.length === 0) return fail('NAME_REQUIRED', 'A promotion needs a name.', 'name');
    if (name.length > MAX_NAME_LENGTH) return fail('NAME_TOO_LONG', `A promotion's name has at most ${MAX_NAME_LENGTH} characters.`, 'name');
    const created = new Promotion({ id: input.id, name, createdAt: now, version: 0 });
    created.record({ type: 'PromotionCreated', aggregateId: input.id, occurredAt: now, name });
    return ok(created);
  }

  /** Rebuilds a promotion from storage; no rule runs and no event is recorded. */
  static restore(state: PromotionState): Promotion {
    return new Promotion({ ...state });
  }

  get id(): string {
    return this.state.id;
  }

  snapshot(): Readonly<PromotionState> {
    return { ...this.state };
  }
}
