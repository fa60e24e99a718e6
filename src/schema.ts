/** The executable schema, built code-first from src/types and src/resolvers. */
import 'reflect-metadata';
import { isInterfaceType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type ContainerType } from 'type-graphql';
import type { PubSub } from '@graphql-yoga/subscription';
import { MutationResolver } from './resolvers/mutation.js';
import { QueryResolver } from './resolvers/query.js';
import { AllocationRelations, CallEventRelations, OrderRelations, PhoneNumberRelations } from './resolvers/relations.js';
import { SubscriptionResolver } from './resolvers/subscription.js';
import { CallStatsResolver } from './resolvers/call-stats.js';
import { PageArgs } from './types/connection.js';
import { fromGlobalId } from './types/node.js';
import { DateTimeScalar } from './types/scalars.js';

export const RESOLVERS = [QueryResolver, MutationResolver, SubscriptionResolver, CallStatsResolver, CallEventRelations, AllocationRelations, OrderRelations, PhoneNumberRelations] as const;

/**
 * One instance per resolver class, found by a Map lookup: type-graphql's default container finds
 * it by a linear search, with a closure, on every resolver call (every relation of every item of a list).
 */
function resolverInstances(): ContainerType {
  const instances = new Map<new () => object, object>();
  return {
    get(someClass: new () => object) {
      let instance = instances.get(someClass);
      if (!instance) instances.set(someClass, (instance = new someClass()));
      return instance;
    },
  };
}

export async function createSchema(pubSub?: PubSub<any>): Promise<GraphQLSchema> {
  // No field has middlewares or auth rules, so type-graphql's wrapper around each plain field
  // (a middleware chain around `root[name]`) is pure cost: graphql's default resolver reads it.
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
  const schema = await buildSchema({
    resolvers: [...RESOLVERS],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Page bounds are the only argument rule the schema enforces; each adapter checks the rest.
    // (Not class-validator: ~200 ms of boot and a pass over every argument of every request.)
    validateFn: (value) => {
      if (value instanceof PageArgs) value.check();
    },
    // Only the schema emitter builds without a bus; it never executes subscriptions.
    pubSub: pubSub ?? { publish: () => undefined, subscribe: () => (async function* () {})() },
    emitSchemaFile: false,
    container: resolverInstances(),
  });
  // type-graphql wraps resolveType in an async function; graphql-jit (the HTTP fast path) takes
  // its answer as it comes, so a Promise resolved no type. The same rule, synchronous.
  const node = schema.getType('Node');
  if (isInterfaceType(node)) node.resolveType = (value) => fromGlobalId((value as { id: string }).id)?.type;
  return schema;
}

/** The SDL as schema.graphql holds it and `GET /schema.graphql` serves it: types sorted by name. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
