export * from './compose';
export * from './findings';
export * from './events/contract';
export { compareEventContracts, type EventChange } from './events/compare';
