export * from './envelope';
export * from './contract';
export * from './subscriptions';
export * from './contract-file';
export * from './catalog-events';
export * from './published-language';
