// What the resolvers return for these SDL types, where it is not the SDL's shape
// (read by `pnpm schema:types`: each `<SdlType>Mapper` types that SDL type in the generated resolver types).
import type { CategoryView, ProductView } from '../infrastructure/product-catalog.queries';

export type ProductMapper = ProductView;
export type CategoryMapper = CategoryView;
