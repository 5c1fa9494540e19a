import type { EventContract } from './contract';
import { ProductCreatedV1, ProductDetailsChangedV1, ProductDiscontinuedV1, ProductPriceChangedV1 } from './catalog-events';
import {
  OrderCancelledV1,
  OrderChangedV1,
  OrderConfirmedV1,
  OrderDeliveredV1,
  OrderPlacedV1,
  OrderPlacedV2,
  OrderRejectedV1,
  OrderReleasedForDispatchV1,
  OrderShippedV1,
} from './ordering-events';
import { StockReservationFailedV1, StockReservedV1 } from './inventory-events';
import { PaymentAuthorizedV1, PaymentCapturedV1, PaymentFailedV1, PaymentRefundedV1, PaymentVoidedV1 } from './payments-events';
import { DispatchRequestedV1, ShipmentDeliveredV1, ShipmentDispatchedV1 } from './shipping-events';
import { PromotionActivatedV1, PromotionEndedV1, PromotionsRedeemedV1, RedemptionRefusedV1 } from './promotions-events';
import contractFileJson from '../event-contracts.json';

/** Every integration event any context publishes or has published. */
export const eventContracts: readonly EventContract[] = [
  ProductCreatedV1,
  ProductPriceChangedV1,
  ProductDiscontinuedV1,
  ProductDetailsChangedV1,
  OrderPlacedV1,
  OrderPlacedV2,
  OrderConfirmedV1,
  OrderRejectedV1,
  OrderCancelledV1,
  OrderReleasedForDispatchV1,
  OrderShippedV1,
  OrderDeliveredV1,
  OrderChangedV1,
  StockReservedV1,
  StockReservationFailedV1,
  PaymentAuthorizedV1,
  PaymentFailedV1,
  PaymentVoidedV1,
  PaymentCapturedV1,
  PaymentRefundedV1,
  DispatchRequestedV1,
  ShipmentDispatchedV1,
  ShipmentDeliveredV1,
  PromotionActivatedV1,
  PromotionEndedV1,
  PromotionsRedeemedV1,
  RedemptionRefusedV1,
];

/** The routing part of the generated contract file. */
const contractFile: { events: { name: string; subscribers: string[] }[] } = contractFileJson;

const byName = new Map(eventContracts.map((contract) => [contract.name, contract]));

export function contractNamed(name: string): EventContract | undefined {
  return byName.get(name);
}

const routes = new Map(contractFile.events.map((entry) => [entry.name, entry.subscribers as readonly string[]]));

/** The contexts whose queues receive an event, from the generated routing table. */
export function subscribersOf(type: string): readonly string[] {
  return routes.get(type) ?? [];
}

/** Every context that consumes at least one event: one queue each. */
export function consumingContexts(): string[] {
  return [...new Set(contractFile.events.flatMap((entry) => entry.subscribers))].sort();
}
