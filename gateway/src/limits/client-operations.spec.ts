import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  Kind,
  parse,
  specifiedRules,
  typeFromAST,
  validate,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ApolloGateway } from '@apollo/gateway';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../edge-settings';
import { queryLimitRules } from './query-limit-rules';
import { operationCost } from './query-cost';

const clients = path.resolve(__dirname, '..', '..', '..', 'clients');
const supergraph = path.resolve(__dirname, '..', '..', 'supergraph.graphql');
const half = Object.fromEntries(Object.entries(DEFAULT_QUERY_LIMITS).map(([name, value]) => [name, Math.floor(value / 2)])) as unknown as QueryLimits;

function operationFiles(): string[] {
  return readdirSync(clients, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.graphql'));
}

/** A value for a variable of this type, with every Int at 100: the largest page the catalog serves. */
function largest(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return largest(type.ofType);
  if (type instanceof GraphQLList) return [largest(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]?.value;
  if (type instanceof GraphQLInputObjectType) return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, largest(field.type)]));
  return { Int: 100, Float: 100, Boolean: true }[type.name] ?? 'x';
}

function largestVariables(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  return Object.fromEntries((operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, largest(typeFromAST(schema, d.type) as GraphQLInputType)]));
}

describe('the operations in clients/', () => {
  it('exist', () => {
    expect(operationFiles().length).toBeGreaterThan(0);
  });

  it.each(operationFiles())('in %s stay within half of every default query limit', async (file) => {
    const { schema } = await new ApolloGateway({ supergraphSdl: readFileSync(supergraph, 'utf8') }).load();
    const source = readFileSync(path.join(clients, file), 'utf8');
    const document = parse(source, { maxTokens: half.maxTokens });
    expect(validate(schema, document, [...specifiedRules, ...queryLimitRules(half)])).toEqual([]);
    for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
      expect(operationCost(schema, document, largestVariables(schema, operation), operation.name?.value)).toBeLessThanOrEqual(half.maxCost);
    }
  });
});
