import type { DomainEvent } from '@storefront/kernel';

export interface ProductCreated extends DomainEvent {
  type: 'ProductCreated';
  sku: string;
  name: string;
  price: { amount: number; currency: string };
  categoryId: string | null;
}

/** The name or the category changed: what other contexts show or price by. */
export interface ProductDetailsChanged extends DomainEvent {
  type: 'ProductDetailsChanged';
  name: string;
  categoryId: string | null;
}

export interface ProductPriceChanged extends DomainEvent {
  type: 'ProductPriceChanged';
  previousPrice: { amount: number; currency: string };
  price: { amount: number; currency: string };
}

export interface ProductDiscontinued extends DomainEvent {
  type: 'ProductDiscontinued';
}

export type ProductEvent = ProductCreated | ProductDetailsChanged | ProductPriceChanged | ProductDiscontinued;
