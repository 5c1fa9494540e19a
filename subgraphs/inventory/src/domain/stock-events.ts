import type { DomainEvent } from '@storefront/kernel';

interface StockLevelEvent extends DomainEvent {
  productId: string;
  warehouseId: string;
  quantity: number;
}

/** Units arrived at the warehouse. */
export interface StockReceived extends StockLevelEvent {
  type: 'StockReceived';
}

/** On-hand units were corrected (a count, damage, loss); quantity is the signed change. */
export interface StockAdjusted extends StockLevelEvent {
  type: 'StockAdjusted';
  reason: string;
}

/** Units were set aside for someone and can no longer be promised to anyone else. */
export interface StockReserved extends StockLevelEvent {
  type: 'StockReserved';
}

/** Units set aside earlier are available again. */
export interface StockReleased extends StockLevelEvent {
  type: 'StockReleased';
}

/** Reserved units left the warehouse with a shipment: on hand and reserved both went down by quantity. */
export interface StockDeducted extends StockLevelEvent {
  type: 'StockDeducted';
  reason: string;
}

export type StockEvent = StockReceived | StockAdjusted | StockReserved | StockReleased | StockDeducted;
