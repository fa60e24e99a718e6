/** Every list the schema takes has a cap, stated where clients read it. */
import { isInputObjectType, isListType, isNonNullType, isObjectType, type GraphQLInputType } from 'graphql';
import { expect, it } from 'vitest';
import { createSchema } from '../../src/schema.js';
import { MAX_ITEMS } from '../../src/types/lists.js';

const isList = (t: GraphQLInputType): boolean => isListType(isNonNullType(t) ? t.ofType : t);

it('caps every list argument and list input field, and says so in its description', async () => {
  const schema = await createSchema();
  const lists = new Map<string, string | null | undefined>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) for (const arg of field.args) if (isList(arg.type)) lists.set(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (isList(field.type)) lists.set(`${type.name}.${field.name}`, field.description);
    }
  }
  expect([...lists.keys()].sort()).toEqual(Object.keys(MAX_ITEMS).sort());
  for (const [coordinate, description] of lists) expect(description, coordinate).toMatch(new RegExp(`At most ${MAX_ITEMS[coordinate as keyof typeof MAX_ITEMS]} items\\.$`));
});
