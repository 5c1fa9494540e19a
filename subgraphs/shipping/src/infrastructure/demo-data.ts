import { seedDefaultRates } from './default-rate-table';
import { connectShippingDb } from './shipping-database';

/** What shipping reads of the shared demo list: each product's name and parcel. */
export interface ShippingDemoData {
  products: readonly {
    id: string;
    sku: string;
    name: string;
    parcel: { weightGrams: number; lengthMm: number; widthMm: number; heightMm: number; fragile: boolean };
  }[];
}

/**
 * Writes the default rate table and the demo products' parcels into shipping's own database. The
 * shippable products are written as catalog.product-created.v1's handler writes them (catalog
 * version 0). Only inserts: seeding again adds nothing and never undoes a change made since.
 */
export async function seedDemoData(databaseUrl: string, demo: ShippingDemoData): Promise<void> {
  const { db } = connectShippingDb(databaseUrl);
  try {
    await seedDefaultRates(db);
    await db.shippableProduct.createMany({ data: demo.products.map((p) => ({ productId: p.id, sku: p.sku, name: p.name, catalogVersion: 0 })), skipDuplicates: true });
    const parcels = demo.products.map(({ id, parcel }) => ({
      productId: id,
      weightGrams: parcel.weightGrams,
      lengthMm: parcel.lengthMm,
      widthMm: parcel.widthMm,
      heightMm: parcel.heightMm,
      fragile: parcel.fragile,
    }));
    await db.parcelProfile.createMany({ data: parcels, skipDuplicates: true });
  } finally {
    await db.$disconnect();
  }
}
