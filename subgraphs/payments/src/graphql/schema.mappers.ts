// What the resolvers return for these SDL types, where it is not the SDL's shape
// (read by `pnpm schema:types`: each `<SdlType>Mapper` types that SDL type in the generated resolver types).
import type { PaymentView } from '../infrastructure/payment.queries';

/** An order as payments resolves one: its key alone; its payment is loaded from the id. */
interface OrderKey {
  id: string;
}

export type OrderMapper = OrderKey;
export type PaymentMapper = PaymentView;
