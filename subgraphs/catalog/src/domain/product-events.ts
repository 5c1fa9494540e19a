import type { DomainEvent } from '@storefront/kernel';

export interface ProductCreated extends DomainEvent {
  type: 'ProductCreated';
  sku: string;
  name: string;
  price: { amount: number; currency: string };
}

export interface ProductPriceChanged extends DomainEvent {
  type: 'ProductPriceChanged';
  previousPrice: { amount: number; currency: string };
  price: { amount: number; currency: string };
}

export interface ProductDiscontinued extends DomainEvent {
  type: 'ProductDiscontinued';
}

export type ProductEvent = ProductCreated | ProductPriceChanged | ProductDiscontinued;
