export * from './result';
export * from './aggregate-root';
export * from './aggregate-store';
export * from './catalog-copy';
export * from './environment';
