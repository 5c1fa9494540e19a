import { writeEventContracts, EVENT_CONTRACTS_PATH } from './event-contracts-file';

/** `pnpm events:contracts`: regenerates the contract file (payload fields and routing) from the code. */
writeEventContracts();
console.log(`wrote ${EVENT_CONTRACTS_PATH}`);
