export * from './result';
export * from './aggregate-root';
export * from './environment';
