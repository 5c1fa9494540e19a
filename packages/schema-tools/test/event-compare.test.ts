import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareEventContracts, parseEventContracts, type EventContractSet } from '../src';

const eventFixtureText = (name: string): string => readFileSync(path.join(__dirname, 'fixtures', 'events', `${name}.json`), 'utf8');

function fixture(name: string): EventContractSet {
  const { set, problems } = parseEventContracts(eventFixtureText(name));
  if (!set) throw new Error(problems.join('\n'));
  return set;
}

/** The base set with one change made to the first contract (catalog.product-created.v1). */
function changed(change: (fields: EventContractSet['events'][number]['fields']) => void): EventContractSet {
  const set = fixture('base');
  change(set.events[0]!.fields);
  return set;
}

const summary = (base: EventContractSet, next: EventContractSet) =>
  compareEventContracts(base, next).map(({ type, classification, path: at }) => ({ type, classification, path: at }));

describe('comparing event contracts', () => {
  it('finds nothing between a set and itself', () => {
    expect(summary(fixture('base'), fixture('base'))).toEqual([]);
  });

  it('calls a removed field breaking', () => {
    expect(summary(fixture('base'), fixture('field-removed'))).toEqual([
      { type: 'EVENT_FIELD_REMOVED', classification: 'breaking', path: 'catalog.product-created.v1.sku' },
    ]);
  });

  it('calls an optional field added safe', () => {
    expect(summary(fixture('base'), fixture('optional-field-added'))).toEqual([
      { type: 'EVENT_FIELD_ADDED', classification: 'safe', path: 'catalog.product-created.v1.description' },
    ]);
  });

  it('calls a required field added, a retyped field and an optional field made required breaking', () => {
    expect(summary(fixture('base'), changed((fields) => void (fields.weight = { type: 'integer', required: true })))[0]).toMatchObject({ type: 'EVENT_REQUIRED_FIELD_ADDED', classification: 'breaking' });
    expect(summary(fixture('base'), changed((fields) => void (fields['price.amount'] = { type: 'number', required: true })))[0]).toMatchObject({ type: 'EVENT_FIELD_TYPE_CHANGED', classification: 'breaking' });
    expect(summary(fixture('base'), changed((fields) => void (fields.categoryId = { type: 'uuid', required: true })))[0]).toMatchObject({ type: 'EVENT_FIELD_MADE_REQUIRED', classification: 'breaking' });
  });

  it('accepts the same change as a new version while the old one is still produced', () => {
    expect(summary(fixture('base'), fixture('new-version'))).toEqual([
      { type: 'EVENT_SUBSCRIBER_REMOVED', classification: 'safe', path: 'catalog.product-created.v1' },
      { type: 'EVENT_ADDED', classification: 'safe', path: 'catalog.product-created.v2' },
    ]);
  });

  it('calls dropping the old version breaking while a context still subscribes to it', () => {
    expect(summary(fixture('new-version'), fixture('old-version-dropped'))).toEqual([
      { type: 'EVENT_REMOVED', classification: 'breaking', path: 'catalog.product-created.v1' },
      { type: 'EVENT_SUBSCRIBER_ADDED', classification: 'safe', path: 'catalog.product-created.v2' },
    ]);
  });

  it('calls a version no longer produced breaking only while someone subscribes', () => {
    const stopped = fixture('base');
    stopped.events.forEach((contract) => (contract.produced = false));
    expect(summary(fixture('base'), stopped)).toEqual([
      { type: 'EVENT_NO_LONGER_PRODUCED', classification: 'breaking', path: 'catalog.product-created.v1' },
      { type: 'EVENT_NO_LONGER_PRODUCED', classification: 'safe', path: 'inventory.stock-depleted.v1' },
    ]);
  });

  it('rejects a contract without a version suffix or with a malformed field', () => {
    const text = JSON.stringify({ events: [{ name: 'catalog.product-created', producer: 'catalog', produced: true, subscribers: [], fields: { sku: { type: 'string' } } }] });
    expect(parseEventContracts(text).problems).toEqual([
      'events[0]: "name" must look like context.event-name.v1',
      'events[0]: field "sku" needs "type" (text) and "required" (true or false)',
    ]);
  });
});

