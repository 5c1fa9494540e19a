export * from './result';
export * from './not-yet';
export * from './aggregate-root';
export * from './aggregate-store';
export * from './catalog-copy';
export * from './environment';
