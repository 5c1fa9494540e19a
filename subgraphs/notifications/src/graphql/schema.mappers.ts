// What the resolvers return for these SDL types, where it is not the SDL's shape
// (read by `pnpm schema:types`: each `<SdlType>Mapper` types that SDL type in the generated resolver types).
import type { NotificationView } from '../infrastructure/notification.queries';

/** An entity another subgraph owns, as notifications resolves it: its key alone; each field it adds is loaded from the id. */
interface EntityKey {
  id: string;
}

export type CustomerMapper = EntityKey;
export type OrderMapper = EntityKey;
export type NotificationMapper = NotificationView;
