import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeContracts, eventContracts } from '@storefront/events';
import { CONSUMER_SUBSCRIPTIONS } from './consumers';

export const EVENT_CONTRACTS_PATH = path.resolve(__dirname, '../../packages/events/event-contracts.json');

/** The contract file as the code describes it now. */
export function renderEventContracts(): string {
  return `${JSON.stringify(describeContracts(eventContracts, CONSUMER_SUBSCRIPTIONS), null, 2)}\n`;
}

export function committedEventContracts(): string {
  return readFileSync(EVENT_CONTRACTS_PATH, 'utf8');
}

export function writeEventContracts(): void {
  writeFileSync(EVENT_CONTRACTS_PATH, renderEventContracts());
}
