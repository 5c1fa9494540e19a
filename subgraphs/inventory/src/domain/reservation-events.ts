import type { DomainEvent } from '@storefront/kernel';
import type { RefusedLine, RequestedLine } from './allocation';

/** Every line of the order is set aside; `lines` are the order's products and quantities. */
export interface StockReservedForOrder extends DomainEvent {
  type: 'StockReservedForOrder';
  lines: RequestedLine[];
}

/** Some line could not be reserved, so none was. */
export interface StockReservationRefused extends DomainEvent {
  type: 'StockReservationRefused';
  refusedLines: RefusedLine[];
}

/** The cancelled order's units are available again. */
export interface ReservationReleased extends DomainEvent {
  type: 'ReservationReleased';
}

/** The shipped order's units left the warehouses. */
export interface ReservationDeducted extends DomainEvent {
  type: 'ReservationDeducted';
}

/** The order was cancelled before it was heard of: nothing will be reserved for it. */
export interface ReservationCancelledAhead extends DomainEvent {
  type: 'ReservationCancelledAhead';
}

export type ReservationEvent = StockReservedForOrder | StockReservationRefused | ReservationReleased | ReservationDeducted | ReservationCancelledAhead;
