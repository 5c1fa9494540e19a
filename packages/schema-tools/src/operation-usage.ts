import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Every schema coordinate an operation depends on, resolved against a schema (the base one, where
 * removed things still exist): `Type`, `Type.field` and `Type.field.arg` as selected or passed, and
 * every field of each input type and every value of each enum type it touches, since a variable may
 * carry any of them and a response may hold any of them. The paths are GraphQL Inspector's.
 */
export function usedCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const useType = (type: GraphQLNamedType | null | undefined): void => {
    if (!type || used.has(type.name)) return;
    used.add(type.name);
    if (isEnumType(type)) for (const value of type.getValues()) used.add(`${type.name}.${value.name}`);
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        used.add(`${type.name}.${field.name}`);
        useType(getNamedType(field.type));
      }
    }
  };

  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        used.add(parent.name);
        used.add(`${parent.name}.${node.name.value}`);
        const definition = typeInfo.getFieldDef();
        if (definition) useType(getNamedType(definition.type));
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field) used.add(`${parent.name}.${field.name}.${node.name.value}`);
        const argument = typeInfo.getArgument();
        if (argument) useType(getNamedType(argument.type));
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (type) useType(getNamedType(type));
      },
      InlineFragment(node) {
        if (node.typeCondition) useType(schema.getType(node.typeCondition.name.value));
      },
      FragmentDefinition(node) {
        useType(schema.getType(node.typeCondition.name.value));
      },
    }),
  );
  return used;
}

/** Changes to an argument or a new required one break every call of the field, passed or not. */
const FIELD_LEVEL = new Set(['FIELD_ARGUMENT_ADDED', 'FIELD_ARGUMENT_TYPE_CHANGED', 'FIELD_ARGUMENT_DEFAULT_CHANGED']);
/** A new required input field breaks every use of the input type. */
const TYPE_LEVEL = new Set(['INPUT_FIELD_ADDED']);

/** The coordinate an operation must use to be affected by a change of this type at this path. */
export function affectedCoordinate(changeType: string, changePath: string): string {
  const segments = changePath.split('.');
  if (FIELD_LEVEL.has(changeType)) return segments.slice(0, 2).join('.');
  if (TYPE_LEVEL.has(changeType)) return segments[0] ?? changePath;
  return changePath;
}
