import { stableUuid } from '@storefront/platform';

export interface DemoCategory {
  id: string;
  slug: string;
  name: string;
}

export interface DemoProduct {
  id: string;
  sku: string;
  name: string;
  description: string;
  categoryId: string;
  imageUrls: string[];
  price: { amount: number; currency: string };
  parcel: { weightGrams: number; lengthMm: number; widthMm: number; heightMm: number; fragile: boolean };
  stock: Record<string, number>;
}

export const DEMO_WAREHOUSES = [
  { id: 'eu-central', name: 'Frankfurt fulfilment centre', country: 'DE' },
  { id: 'us-east', name: 'Newark fulfilment centre', country: 'US' },
] as const;

const SHELVES = [
  { slug: 'kitchen', name: 'Kitchen', nouns: ['Mug', 'Teapot', 'Chef knife', 'Cutting board', 'Salad bowl', 'Pepper mill'], grams: 450, fragile: true },
  { slug: 'home', name: 'Home', nouns: ['Throw blanket', 'Table lamp', 'Linen cushion', 'Wall clock', 'Vase', 'Candle set'], grams: 900, fragile: false },
  { slug: 'outdoor', name: 'Outdoor', nouns: ['Hiking backpack', 'Water bottle', 'Camping lantern', 'Trail jacket', 'Tent stakes', 'Picnic blanket'], grams: 1200, fragile: false },
  { slug: 'office', name: 'Office', nouns: ['Notebook', 'Fountain pen', 'Desk organiser', 'Monitor stand', 'Letter tray', 'Desk mat'], grams: 350, fragile: false },
  { slug: 'audio', name: 'Audio', nouns: ['Headphones', 'Bluetooth speaker', 'Turntable', 'Earbuds', 'Radio', 'Microphone'], grams: 800, fragile: true },
  { slug: 'garden', name: 'Garden', nouns: ['Watering can', 'Pruning shears', 'Plant pot', 'Seed tray', 'Garden gloves', 'Hose reel'], grams: 1500, fragile: false },
] as const;

const FINISHES = ['Classic', 'Nordic', 'Urban'] as const;

export const DEMO_CATEGORIES: DemoCategory[] = SHELVES.map((shelf) => ({ id: stableUuid(`category:${shelf.slug}`), slug: shelf.slug, name: shelf.name }));

/** 6 shelves x 6 items x 3 finishes = 108 products; every tenth is out of stock, to show it. */
export const DEMO_PRODUCTS: DemoProduct[] = SHELVES.flatMap((shelf, s) =>
  shelf.nouns.flatMap((noun, n) =>
    FINISHES.map((finish, f) => {
      const index = s * 18 + n * 3 + f;
      const sku = `${shelf.slug.slice(0, 3).toUpperCase()}-${String(n + 1).padStart(2, '0')}${finish[0]}`;
      const price = 990 + ((index * 737) % 14000);
      return {
        id: stableUuid(`product:${sku}`),
        sku,
        name: `${finish} ${noun.toLowerCase()}`.replace(/^./, (c) => c.toUpperCase()),
        description: `A ${finish.toLowerCase()} ${noun.toLowerCase()} from our ${shelf.name.toLowerCase()} range.`,
        categoryId: stableUuid(`category:${shelf.slug}`),
        imageUrls: [`https://images.storefront.example/${sku.toLowerCase()}/front.jpg`],
        price: { amount: price - (price % 10) + 9, currency: 'EUR' },
        parcel: {
          weightGrams: shelf.grams + ((index * 97) % 900),
          lengthMm: 150 + ((index * 31) % 350),
          widthMm: 100 + ((index * 17) % 250),
          heightMm: 50 + ((index * 13) % 200),
          fragile: shelf.fragile && f !== 2,
        },
        stock: index % 10 === 9 ? ({} as Record<string, number>) : { 'eu-central': 5 + ((index * 7) % 60), 'us-east': (index * 11) % 40 },
      };
    }),
  ),
);

/**
 * The shared demo list every context with `demoData` seeds its own part of: each reads only the
 * fields it needs (see its `src/infrastructure/demo-data.ts`).
 */
export interface DemoCatalog {
  categories: readonly DemoCategory[];
  products: readonly DemoProduct[];
  warehouses: readonly { id: string; name: string; country: string }[];
}

export const DEMO_CATALOG: DemoCatalog = { categories: DEMO_CATEGORIES, products: DEMO_PRODUCTS, warehouses: DEMO_WAREHOUSES };
