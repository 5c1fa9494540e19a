import { contextDatabaseUrl, databaseName, redactUrl, withDatabase } from './database-url';

describe('contextDatabaseUrl', () => {
  it('reads <CONTEXT>_DATABASE_URL', () => {
    expect(contextDatabaseUrl('inventory', { INVENTORY_DATABASE_URL: 'postgresql://u@db:5432/inv' })).toBe(
      'postgresql://u@db:5432/inv',
    );
  });

  it('defaults to the local storefront_<context> database', () => {
    expect(contextDatabaseUrl('shipping', {})).toBe('postgresql://postgres@127.0.0.1:5432/storefront_shipping');
  });
});

describe('database URLs', () => {
  const url = 'postgresql://app:secret@db.internal:5433/storefront_catalog?sslmode=require';

  it('name their database', () => {
    expect(databaseName(url)).toBe('storefront_catalog');
  });

  it('point at another database of the same server', () => {
    expect(withDatabase(url, 'postgres')).toBe('postgresql://app:secret@db.internal:5433/postgres?sslmode=require');
  });

  it('never show the password in messages', () => {
    expect(redactUrl(url)).toBe('postgresql://app:***@db.internal:5433/storefront_catalog?sslmode=require');
  });
});
