import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError } from "graphql";
import type { ParseOptions, ValidationRule } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { collapseRepeatedErrors } from "./collapseRepeatedErrors.js";
import { fieldRepeatLimitRule } from "./fieldRepeatLimitRule.js";
import { hideSuggestions } from "./hideSuggestions.js";

/**
 * What one GraphQL document may ask for. Chosen so every operation in examples/operations and the
 * IDE's introspection query pass with room to spare (test/hardening/queryLimits.test.ts), and
 * documented with the reasoning in docs/hardening.md.
 */
export const QUERY_LIMITS = {
  /** Nesting of fields; the examples reach 7, the batching test's query 9. Introspection is
   * bounded separately by graphql-js's MaxIntrospectionDepthRule. */
  maxDepth: 12,
  /** Aliased fields, `__typename` included; the examples use 2. */
  maxAliases: 30,
  /** Directives in the document; the examples use none. */
  maxDirectives: 20,
  /** Lexical tokens; the largest example has about 100, the introspection query about 300. */
  maxTokens: 5000,
  /** graphql-armor's cost (objects 2, scalars 1, ×1.5 per level, × a literal `first`/`last`);
   * the most expensive example, TopicsEuVsNato (two `meetings(first: 100)`), costs about 15,800. */
  maxCost: 30_000,
  /** Times one field may be selected in one selection set. */
  maxFieldRepeats: 5,
  /** Validation stops after this many errors (and identical ones are merged, see
   * collapseRepeatedErrors), so a junk document cannot make a large response. */
  maxValidationErrors: 25,
} as const;

const ADVICE = "Split the query into smaller ones or ask for fewer fields.";

/**
 * armor reports a refusal as BAD_USER_INPUT prefixed "Syntax Error:"; a document over a limit is
 * a document the server will not run, so it is reported as a validation failure (HTTP 400,
 * GRAPHQL_VALIDATION_FAILED), with `extensions.limit` naming the limit.
 */
function refuse(limit: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: { reportError(error: GraphQLError): void } | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, "")} ${ADVICE}`, { extensions: { limit } })),
    ],
  };
}

/** The ApolloServer options that enforce {@link QUERY_LIMITS}, and the plugins that go with them. */
export function queryLimits(): {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  validationOptions: { maxErrors: number };
  plugins: ApolloServerPlugin[];
} {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, ...refuse("depth") },
    // An empty allow-list: armor would otherwise let `__typename` be aliased without limit.
    maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [], ...refuse("aliases") },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...refuse("directives") },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ...refuse("cost") },
    // Tokens are limited by graphql-js's own parser option instead: armor's Apollo plugin throws
    // from a parsing hook, which Apollo turns into a 500; the parser's limit is a clean 400
    // GRAPHQL_PARSE_FAILED, enforced before the document is even built.
    maxTokens: { enabled: false },
    // Replaced by hideSuggestions, which also strips the enum and fragment forms of the hint.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: [...armor.validationRules, fieldRepeatLimitRule(QUERY_LIMITS.maxFieldRepeats)],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationOptions: { maxErrors: QUERY_LIMITS.maxValidationErrors },
    // armor contributes no plugin here: its two plugin-based protections are disabled above.
    plugins: [hideSuggestions(), collapseRepeatedErrors()],
  };
}
