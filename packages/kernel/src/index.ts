export * from './result';
export * from './aggregate-root';
