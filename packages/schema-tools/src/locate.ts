import { getLocation, type ASTNode, type DefinitionNode, type DocumentNode, type Location } from 'graphql';

/** An AST node as composition hands it back: the subgraph it came from travels with it. */
export type IssueNode = ASTNode & { subgraph?: string };

export interface NodeDescription {
  subgraphs: string[];
  coordinates: string[];
  locations: string[];
}

const within = (loc: Location | undefined, position: number): boolean => loc !== undefined && loc.start <= position && position < loc.end;

/**
 * The schema coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`) of the definition
 * that encloses a position of a subgraph's SDL. Composition's nodes are often a bare type reference
 * or a field without its parent, so the coordinate comes from where the node sits in the file.
 */
function coordinateAt(document: DocumentNode, position: number): string | undefined {
  const definition = document.definitions.find((candidate) => within(candidate.loc, position)) as DefinitionNode | undefined;
  if (!definition || !('name' in definition) || !definition.name) return undefined;
  const typeName = definition.name.value;
  const members = [
    ...('fields' in definition ? (definition.fields ?? []) : []),
    ...('values' in definition ? (definition.values ?? []) : []),
  ];
  const member = members.find((candidate) => within(candidate.loc, position));
  if (!member) return typeName;
  const argument = 'arguments' in member ? member.arguments?.find((candidate) => within(candidate.loc, position)) : undefined;
  return argument ? `${typeName}.${member.name.value}(${argument.name.value}:)` : `${typeName}.${member.name.value}`;
}

const unique = (values: (string | undefined)[]): string[] => [...new Set(values.filter((value): value is string => Boolean(value)))];

/**
 * Subgraphs, coordinates and file:line locations of the nodes an error or hint points at. Without
 * nodes, the message itself still names the subgraph (`[catalog] ...`) and often the coordinate.
 */
export function describeNodes(nodes: readonly IssueNode[], documents: ReadonlyMap<string, DocumentNode>, message = ''): NodeDescription {
  const subgraphs: (string | undefined)[] = [];
  const coordinates: (string | undefined)[] = [];
  const locations: (string | undefined)[] = [];
  for (const node of nodes) {
    subgraphs.push(node.subgraph);
    const loc = node.loc;
    if (!loc) continue;
    locations.push(`${loc.source.name}:${getLocation(loc.source, loc.start).line}`);
    const document = node.subgraph ? documents.get(node.subgraph) : undefined;
    if (document) coordinates.push(coordinateAt(document, loc.start));
  }
  const prefix = /^\[([\w-]+)\]/.exec(message);
  if (prefix) subgraphs.push(prefix[1]);
  if (coordinates.length === 0) coordinates.push(/"([A-Za-z_]\w*\.[A-Za-z_]\w*)"/.exec(message)?.[1]);
  return { subgraphs: unique(subgraphs), coordinates: unique(coordinates), locations: unique(locations) };
}
