import { Promotion, MAX_NAME_LENGTH } from './promotion.aggregate';
import { AT, newPromotion } from './promotion.test-builders';

describe('Promotion', () => {
  it('is created with a trimmed name and records PromotionCreated', () => {
    const created = Promotion.create(newPromotion({ name: '  Spring  ' }), AT);
    if (!created.ok) throw new Error(created.error.message);

    expect(created.value.snapshot()).toEqual({ id: newPromotion().id, name: 'Spring', createdAt: AT, version: 0 });
    expect(created.value.pullEvents()).toEqual([{ type: 'PromotionCreated', aggregateId: newPromotion().id, occurredAt: AT, name: 'Spring' }]);
  });

  it.each([
    ['an empty name', ' ', 'NAME_REQUIRED'],
    ['a name that is too long', 'x'.repeat(MAX_NAME_LENGTH + 1), 'NAME_TOO_LONG'],
  ])('refuses %s, naming the field', (_, name, code) => {
    expect(Promotion.create(newPromotion({ name }), AT)).toEqual({ ok: false, error: expect.objectContaining({ code, field: 'name' }) });
  });

  it('is restored from storage without recording anything', () => {
    const restored = Promotion.restore({ id: newPromotion().id, name: 'Spring', createdAt: AT, version: 3 });

    expect(restored.snapshot().version).toBe(3);
    expect(restored.pullEvents()).toEqual([]);
  });
});
