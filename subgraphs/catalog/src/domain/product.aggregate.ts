import { AggregateRoot, fail, ok, type Result } from '@storefront/kernel';
import { Money } from './money.value-object';
import { Sku } from './sku.value-object';
import { checkDescription, checkImageUrls, checkName, type ProductDetails } from './product-details';
import type { ProductEvent } from './product-events';

export type ProductStatus = 'ACTIVE' | 'DISCONTINUED';

export interface ProductState extends ProductDetails {
  id: string;
  sku: string;
  price: Money;
  status: ProductStatus;
  version: number;
}

export interface NewProduct {
  id: string;
  sku: string;
  name: string;
  description: string;
  categoryId?: string | null;
  imageUrls?: readonly string[];
  price: { amount: number; currency: string };
}

export type DetailsChange = Partial<Pick<ProductDetails, 'name' | 'description' | 'categoryId'>> & { imageUrls?: readonly string[] };

/**
 * The catalog's Product: a merchandised item with a list price and a lifecycle that only goes
 * forward, active -> discontinued. A discontinued product is frozen.
 */
export class Product extends AggregateRoot<ProductEvent> {
  private constructor(private state: ProductState) {
    super();
  }

  static create(input: NewProduct, now: Date): Result<Product> {
    const sku = Sku.parse(input.sku);
    if (!sku.ok) return sku;
    const name = checkName(input.name);
    if (!name.ok) return name;
    const description = checkDescription(input.description);
    if (!description.ok) return description;
    const imageUrls = checkImageUrls(input.imageUrls ?? []);
    if (!imageUrls.ok) return imageUrls;
    const price = Money.of(input.price.amount, input.price.currency);
    if (!price.ok) return price;

    const product = new Product({
      id: input.id,
      sku: sku.value.value,
      name: name.value,
      description: description.value,
      categoryId: input.categoryId ?? null,
      imageUrls: imageUrls.value,
      price: price.value,
      status: 'ACTIVE',
      version: 0,
    });
    product.record({
      type: 'ProductCreated',
      aggregateId: input.id,
      occurredAt: now,
      sku: product.state.sku,
      name: product.state.name,
      price: { amount: price.value.amount, currency: price.value.currency },
      categoryId: product.state.categoryId,
    });
    return ok(product);
  }

  /** Rebuilds a product from storage; no rule runs and no event is recorded. */
  static restore(state: ProductState): Product {
    return new Product({ ...state, imageUrls: [...state.imageUrls] });
  }

  get id(): string {
    return this.state.id;
  }

  snapshot(): Readonly<ProductState> {
    return { ...this.state, imageUrls: [...this.state.imageUrls] };
  }

  /** Records ProductDetailsChanged when the name or the category changed; description and images are the catalog's own. */
  updateDetails(change: DetailsChange, now: Date): Result<void> {
    const frozen = this.refuseIfDiscontinued();
    if (!frozen.ok) return frozen;
    const next = { ...this.state };
    if (change.name !== undefined) {
      const name = checkName(change.name);
      if (!name.ok) return name;
      next.name = name.value;
    }
    if (change.description !== undefined) {
      const description = checkDescription(change.description);
      if (!description.ok) return description;
      next.description = description.value;
    }
    if (change.imageUrls !== undefined) {
      const imageUrls = checkImageUrls(change.imageUrls);
      if (!imageUrls.ok) return imageUrls;
      next.imageUrls = imageUrls.value;
    }
    if (change.categoryId !== undefined) next.categoryId = change.categoryId;
    const told = next.name !== this.state.name || next.categoryId !== this.state.categoryId;
    this.state = next;
    if (told) this.record({ type: 'ProductDetailsChanged', aggregateId: next.id, occurredAt: now, name: next.name, categoryId: next.categoryId });
    return ok(undefined);
  }

  changePrice(amount: number, currency: string, now: Date): Result<void> {
    const frozen = this.refuseIfDiscontinued();
    if (!frozen.ok) return frozen;
    const price = Money.of(amount, currency);
    if (!price.ok) return price;
    if (price.value.equals(this.state.price)) return ok(undefined);
    const previous = this.state.price;
    this.state = { ...this.state, price: price.value };
    this.record({
      type: 'ProductPriceChanged',
      aggregateId: this.state.id,
      occurredAt: now,
      previousPrice: { amount: previous.amount, currency: previous.currency },
      price: { amount: price.value.amount, currency: price.value.currency },
    });
    return ok(undefined);
  }

  /** Takes the product off sale for good. Discontinuing twice changes nothing the second time. */
  discontinue(now: Date): Result<void> {
    if (this.state.status === 'DISCONTINUED') return ok(undefined);
    this.state = { ...this.state, status: 'DISCONTINUED' };
    this.record({ type: 'ProductDiscontinued', aggregateId: this.state.id, occurredAt: now });
    return ok(undefined);
  }

  private refuseIfDiscontinued(): Result<void> {
    if (this.state.status === 'DISCONTINUED') {
      return fail('PRODUCT_DISCONTINUED', `Product ${this.state.sku} is discontinued and can no longer change.`);
    }
    return ok(undefined);
  }
}
