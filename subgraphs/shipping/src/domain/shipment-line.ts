/** Units of one product in a shipment. */
export interface ShipmentLine {
  productId: string;
  quantity: number;
}
