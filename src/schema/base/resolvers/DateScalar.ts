import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { isIsoDay } from "../../../db/isoDate.js";
import { ErrorCode } from "../../../errors/ErrorCode.js";

function parseDay(value: unknown): string {
  if (typeof value === "string" && isIsoDay(value)) return value;
  throw new GraphQLError(`Date must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}.`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT },
  });
}

/** ISO calendar days, validated on the way in so a resolver never sees `2023-02-30`. */
export const DateScalar = new GraphQLScalarType({
  name: "Date",
  description: "A calendar day, ISO 8601 `YYYY-MM-DD`.",
  serialize: (value) => value,
  parseValue: parseDay,
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : undefined),
});
