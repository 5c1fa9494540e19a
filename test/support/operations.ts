import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, print, type OperationDefinitionNode } from 'graphql';

const CLIENTS = path.resolve(__dirname, '..', '..', 'clients');

/** The operations of one client folder, by name, exactly as committed in clients/. */
export function clientOperations(client: string): Record<string, string> {
  const folder = path.join(CLIENTS, client);
  const operations: Record<string, string> = {};
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.graphql'))) {
    for (const definition of parse(readFileSync(path.join(folder, file), 'utf8')).definitions) {
      const operation = definition as OperationDefinitionNode;
      if (operation.kind === 'OperationDefinition' && operation.name) operations[operation.name.value] = print(operation);
    }
  }
  return operations;
}
