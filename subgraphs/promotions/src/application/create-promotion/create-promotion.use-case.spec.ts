import type { Promotion } from '../../domain/promotion.aggregate';
import type { PromotionRepository } from '../../domain/promotion.repository';
import { AT, newPromotion } from '../../domain/promotion.test-builders';
import { CreatePromotion } from './create-promotion.use-case';

/** Keeps what was added, with the events it recorded, as the real repository writes them to the outbox. */
class InMemoryPromotionRepository implements PromotionRepository {
  readonly added: { promotion: Promotion; events: unknown[] }[] = [];

  async findById(id: string): Promise<Promotion | null> {
    return this.added.find((entry) => entry.promotion.id === id)?.promotion ?? null;
  }

  async add(promotion: Promotion): Promise<void> {
    this.added.push({ promotion, events: promotion.pullEvents() });
  }
}

function setUp() {
  const repository = new InMemoryPromotionRepository();
  const useCase = new CreatePromotion(repository, { newId: () => newPromotion().id, now: () => AT });
  return { repository, useCase };
}

describe('CreatePromotion', () => {
  it('stores a new promotion with its PromotionCreated event and returns it', async () => {
    const { repository, useCase } = setUp();

    const result = await useCase.execute({ name: 'Spring' });

    expect(result).toEqual({ ok: true, value: { id: newPromotion().id, name: 'Spring', createdAt: AT, version: 0 } });
    expect(repository.added.map((entry) => entry.events)).toEqual([[expect.objectContaining({ type: 'PromotionCreated' })]]);
  });

  it('stores nothing when the promotion is refused', async () => {
    const { repository, useCase } = setUp();

    const result = await useCase.execute({ name: '' });

    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'NAME_REQUIRED', field: 'name' }) });
    expect(repository.added).toEqual([]);
  });
});
