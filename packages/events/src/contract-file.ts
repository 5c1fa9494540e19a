import { z } from 'zod';
import type { EventContract } from './contract';
import type { Subscriptions } from './subscriptions';

/** The JSON form of the contracts that `pnpm schema:check` compares between commits. */
export interface ContractFileEntry {
  name: string;
  producer: string;
  produced: boolean;
  subscribers: string[];
  fields: Record<string, { type: string; required: boolean }>;
}

interface JsonSchema {
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

function typeName(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(typeName).join('|');
  if (schema.type === 'array') return `${schema.items ? typeName(schema.items) : 'unknown'}[]`;
  if (schema.type === 'string' && schema.format === 'uuid') return 'uuid';
  if (schema.type === 'string' && schema.format === 'date-time') return 'datetime';
  return Array.isArray(schema.type) ? schema.type.join('|') : schema.type ?? 'unknown';
}

function flatten(schema: JsonSchema, prefix: string, required: boolean, into: ContractFileEntry['fields']): void {
  if (schema.type === 'object' && schema.properties) {
    for (const [name, property] of Object.entries(schema.properties)) {
      flatten(property, prefix ? `${prefix}.${name}` : name, required && (schema.required ?? []).includes(name), into);
    }
    return;
  }
  into[prefix] = { type: typeName(schema), required };
}

/** Every contract with its subscribers and flattened payload fields (`price.amount`), sorted by name. */
export function describeContracts(contracts: readonly EventContract[], subscriptions: readonly Subscriptions[]): { events: ContractFileEntry[] } {
  const events = [...contracts]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((contract) => {
      const fields: ContractFileEntry['fields'] = {};
      flatten(z.toJSONSchema(contract.schema, { io: 'input' }) as JsonSchema, '', true, fields);
      const subscribers = subscriptions.filter((s) => s.events.some((event) => event.name === contract.name)).map((s) => s.context).sort();
      return { name: contract.name, producer: contract.producer, produced: contract.produced, subscribers, fields };
    });
  return { events };
}
