/** Relay cursor connections (`first`/`after` or `last`/`before`, `edges { cursor node }`, `pageInfo`). */
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { ErrorCode, GatewayError } from '../errors.js';

@ObjectType({ description: 'Where a page stands in its list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow the last edge (always known when paging forward; when paging backward, whether `before` had items at or after it).' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'More items come before the first edge (always known when paging backward; when paging forward, whether `after` had items at or before it).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; pass it as `before` for the previous page. Null when there are no edges.' })
  startCursor?: string;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page. Null when there are no edges.' })
  endCursor?: string;
}

const MAX_PAGE = 100;
/** The page size when neither `first` nor `last` is given. */
export const DEFAULT_PAGE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Forward: page size, 1 to ${MAX_PAGE} (${DEFAULT_PAGE} when neither first nor last is given). Not with last or before.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Forward: the cursor after which the page starts; none (or null) for the start of the list. Not with last or before.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Backward: page size, 1 to ${MAX_PAGE}, counting back from \`before\` (or from the end of the list). Not with first or after.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Backward: the cursor before which the page ends; none (or null) for the end of the list. Not with first or after.' })
  before?: string | null;

  /** Called by the schema's validateFn for every PageArgs. */
  check(): void {
    const given = (v: unknown) => v !== undefined && v !== null;
    if ((given(this.first) || given(this.after)) && (given(this.last) || given(this.before))) {
      throw new GatewayError(ErrorCode.BAD_USER_INPUT, 'Page forward (first, after) or backward (last, before), not both');
    }
    for (const name of ['first', 'last'] as const) {
      const size = this[name];
      if (given(size) && !(size! >= 1 && size! <= MAX_PAGE)) throw new GatewayError(ErrorCode.BAD_USER_INPUT, `${name} must be between 1 and ${MAX_PAGE} (got ${size})`);
    }
  }
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

export function Connection<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its place in the list.` })
  class Edge {
    @Field(() => String, { description: 'This edge’s place in the list: pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects.` })
  class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'The page’s items, in list order whichever way you page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where the page stands in its list.' })
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}
