/** What a GraphQL answer may contain, on every transport: only public codes, nothing internal. */
import { ErrorCode } from '../../src/errors.js';

export const CODES = new Set<string>(Object.values(ErrorCode));
/** The codes a hostile input may be answered with: every public code but INTERNAL, which only a bug of ours answers. */
export const REFUSAL_CODES = new Set<string>([...CODES].filter((code) => code !== ErrorCode.INTERNAL));
export const INTERNALS = /Did you mean|node_modules|\/(work|home|tmp|usr|src)\/|\.[jt]s:\d+|\n\s+at |SQLSTATE|\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b|stacktrace|Syntax Error: (Query|Aliases|Directives)/;
