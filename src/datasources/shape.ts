/**
 * What a mapping relies on in an upstream answer, checked before it is mapped: an answer the
 * gateway cannot read must fail as UPSTREAM_ERROR, never become an empty list or an order
 * without a reference. Only the named fields are checked (providers add fields freely).
 *
 * - `'string'`, `'number'`, `'boolean'`, `'object'` (any non-array object);
 * - `'text'`: a non-empty string; `'id'`: that or a finite number (references); both at most
 *   MAX_REF characters, as the store indexes references;
 * - a trailing `?` makes a scalar optional (absent or null);
 * - `{ field: Shape }`: an object with those fields; `[Shape]`: an array of them;
 * - `optional(shape)`: an object or array that may be absent.
 */
type Scalar = 'string' | 'text' | 'number' | 'boolean' | 'object' | 'id';
export type Shape = Scalar | `${Scalar}?` | readonly [Shape] | Optional | { readonly [field: string]: Shape };

class Optional {
  constructor(readonly shape: Shape) {}
}

export const optional = (shape: Shape): Shape => new Optional(shape);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The longest reference kept: PostgreSQL's index rows stop at ~2.7 kB, and no provider's come near. */
const MAX_REF = 255;

const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= MAX_REF;

const SCALARS: Record<Scalar, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  text: isText,
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  object: isObject,
  id: (v) => isText(v) || (typeof v === 'number' && Number.isFinite(v)),
};

/** Each scalar shape, plain and with its `?`, read once here rather than its text cut per check. */
const SCALAR_SHAPES = new Map(
  (Object.keys(SCALARS) as Scalar[]).flatMap((scalar) => [
    [scalar as string, { scalar, optional: false }],
    [`${scalar}?`, { scalar, optional: true }],
  ]),
);

/** Where `value` departs from `shape`: the steps to it, innermost first, and what was expected. */
interface Departure {
  steps: string[];
  expected: string;
}

/** The path is built only for a departure: an answer that fits (nearly every one) costs no string. */
function departure(value: unknown, shape: Shape): Departure | undefined {
  if (shape instanceof Optional) return value === undefined || value === null ? undefined : departure(value, shape.shape);
  if (typeof shape === 'string') {
    const { scalar, optional } = SCALAR_SHAPES.get(shape)!;
    if (optional && (value === undefined || value === null)) return undefined;
    return SCALARS[scalar](value) ? undefined : { steps: [], expected: scalar };
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return { steps: [], expected: 'a list' };
    for (let i = 0; i < value.length; i++) {
      const found = departure(value[i], shape[0]);
      if (found) {
        found.steps.push(`[${i}]`);
        return found;
      }
    }
    return undefined;
  }
  if (!isObject(value)) return { steps: [], expected: 'an object' };
  const fields = shape as Record<string, Shape>;
  for (const field in fields) {
    const found = departure(value[field], fields[field]!);
    if (found) {
      found.steps.push(`.${field}`);
      return found;
    }
  }
  return undefined;
}

/** Where `value` departs from `shape` (`$.response.request_id: expected id`), or undefined when it fits. */
export function shapeProblem(value: unknown, shape: Shape): string | undefined {
  const found = departure(value, shape);
  return found && `$${found.steps.reverse().join('')}: expected ${found.expected}`;
}
