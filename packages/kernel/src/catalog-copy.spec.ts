import { applyCatalogChange, CatalogFollower, markDiscontinued, ProductNotYetLearnedError, type CatalogCopies, type CatalogCopy } from './catalog-copy';

interface Copy extends CatalogCopy {
  name: string;
}

const learnedAt = new Date('2026-11-20T10:00:00.000Z');
const later = new Date('2026-11-21T10:00:00.000Z');
const productId = '7d2f1a52-0000-4000-8000-000000000001';

const aCopy = (overrides: Partial<Copy> = {}): Copy => ({ productId, name: 'Mug', catalogVersion: 0, discontinuedAt: null, ...overrides });
const renamed = (copy: Copy): Copy => ({ ...copy, name: 'Big mug' });

class InMemoryCopies implements CatalogCopies<Copy> {
  readonly rows = new Map<string, Copy>();
  saves = 0;

  async lockFor(id: string): Promise<Copy | null> {
    return this.rows.get(id) ?? null;
  }

  async learn(copy: Copy): Promise<void> {
    if (!this.rows.has(copy.productId)) this.rows.set(copy.productId, copy);
  }

  async save(copy: Copy): Promise<void> {
    this.saves += 1;
    this.rows.set(copy.productId, copy);
  }
}

describe('applyCatalogChange', () => {
  it('applies a change of a newer catalog version and takes on that version', () => {
    const copy = aCopy({ catalogVersion: 2 });
    expect(applyCatalogChange(copy, 3, renamed)).toEqual({ ...copy, name: 'Big mug', catalogVersion: 3 });
  });

  it.each([
    ['the same', 2],
    ['an older', 1],
  ])('ignores a change of %s catalog version, returning the record itself', (_, version) => {
    const copy = aCopy({ catalogVersion: 2 });
    expect(applyCatalogChange(copy, version, renamed)).toBe(copy);
  });
});

describe('markDiscontinued', () => {
  it('dates the discontinuation, and keeps the first date when it is said again', () => {
    const discontinued = markDiscontinued(aCopy(), learnedAt);
    expect(discontinued).toEqual({ ...aCopy(), discontinuedAt: learnedAt });
    expect(markDiscontinued(discontinued, later).discontinuedAt).toBe(learnedAt);
  });
});

describe('CatalogFollower', () => {
  const follow = (copies: InMemoryCopies) => new CatalogFollower(copies, 'Shipping');

  it('learns a product once: learning it again changes nothing', async () => {
    const copies = new InMemoryCopies();
    await follow(copies).learn(aCopy({ catalogVersion: 1 }));
    await follow(copies).learn(aCopy({ name: 'Other', catalogVersion: 1 }));
    expect(copies.rows.get(productId)).toEqual(aCopy({ catalogVersion: 1 }));
  });

  it('applies a newer change and stores it; an older one arriving late is not stored', async () => {
    const copies = new InMemoryCopies();
    await follow(copies).learn(aCopy({ catalogVersion: 1 }));
    await follow(copies).discontinue(productId, 3, later);
    await follow(copies).change(productId, 2, renamed);
    expect(copies.rows.get(productId)).toEqual(aCopy({ catalogVersion: 3, discontinuedAt: later }));
    expect(copies.saves).toBe(1);
  });

  it('keeps the first discontinuation date when a later version says it again', async () => {
    const copies = new InMemoryCopies();
    await follow(copies).learn(aCopy({ catalogVersion: 3, discontinuedAt: learnedAt }));
    await follow(copies).discontinue(productId, 5, later);
    expect(copies.rows.get(productId)).toEqual(aCopy({ catalogVersion: 5, discontinuedAt: learnedAt }));
  });

  it('throws for a change about a product not learned yet, so that it is delivered again', async () => {
    const early = follow(new InMemoryCopies()).discontinue(productId, 1, later);
    await expect(early).rejects.toBeInstanceOf(ProductNotYetLearnedError);
    await expect(early).rejects.toThrow(`Shipping has not learned of product ${productId} yet`);
  });
});
