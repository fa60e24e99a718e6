/** Cursor connections (`first`/`after`, `edges { cursor node }`, `pageInfo`). */
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { ErrorCode, GatewayError } from '../errors.js';

@ObjectType({ description: 'Where a page stands in its list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor?: string;
}

const MAX_PAGE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `Page size, 1 to ${MAX_PAGE}.` })
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts; none (or null) for the first page.' })
  after?: string | null;

  /** Called by the schema's validateFn for every PageArgs. */
  check(): void {
    if (!(this.first >= 1 && this.first <= MAX_PAGE)) throw new GatewayError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_PAGE} (got ${this.first})`);
  }
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

export function Connection<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Where this item stands: pass it as `after` for the items that follow it.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects.` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'The items of this page, in the list’s order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page stands in the list.' })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}
