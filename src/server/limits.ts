/**
 * Query limits (depth, cost, aliases, directives, tokens) and hidden field suggestions, from
 * graphql-armor. Apollo applies them on HTTP; the WebSocket path runs the same validation
 * rules itself, because Apollo plugins do not see it.
 */
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { specifiedRules, type ValidationRule } from 'graphql';

export const LIMITS = {
  depth: 10,
  // armor's static cost grows 1.5× per level: 5,000 refused a page of calls with their
  // numbers, services and allocations (~6,600); depth and tokens bound the rest.
  cost: 20_000,
  aliases: 15,
  directives: 50,
  tokens: 2_000,
} as const;

const armorConfig = {
  maxDepth: { n: LIMITS.depth, ignoreIntrospection: true, flattenFragments: true },
  costLimit: { maxCost: LIMITS.cost, ignoreIntrospection: true },
  maxAliases: { n: LIMITS.aliases },
  maxDirectives: { n: LIMITS.directives },
  maxTokens: { n: LIMITS.tokens },
  blockFieldSuggestion: { enabled: true },
};

/** Apollo plugins and validation rules for the HTTP path. */
export function apolloArmor() {
  return new ApolloArmor(armorConfig).protect();
}

/** The same limits as plain validation rules, for graphql-ws. */
export const wsValidationRules: ValidationRule[] = [
  ...specifiedRules,
  maxDepthRule(armorConfig.maxDepth),
  costLimitRule(armorConfig.costLimit),
  maxAliasesRule(armorConfig.maxAliases),
  maxDirectivesRule(armorConfig.maxDirectives),
];
