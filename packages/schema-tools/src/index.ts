export * from './compose';
export * from './findings';
export * from './check';
export * from './report';
export * from './api-schema';
export { ACKNOWLEDGEMENTS_FILE, type Acknowledgement } from './acknowledgements';
export * from './events/contract';
export { compareEventContracts, type EventChange } from './events/compare';
export * from './resolver-types';
