export * from './spans';
export * from './metrics';
export * from './graphql-operation';
export { startTracing, stopTracing, tracingEnabled, serviceNameOf } from './tracing';
