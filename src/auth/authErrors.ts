import { GraphQLError } from "graphql";
import { HeaderMap } from "@apollo/server";
import { ErrorCode } from "../errors/ErrorCode.js";

const HOW = "Send `Authorization: Bearer <key>`; an admin makes keys with `npm run keys -- create --role <role> --name <name>`.";

/**
 * No usable key. With `refuseRequest` the whole HTTP request is answered 401 with a
 * `WWW-Authenticate` challenge (a bad key, or reads that need a key); without it, the error sits on
 * the one field that needs a key and the rest of the response stands.
 */
export function unauthenticated(reason: string, options: { refuseRequest?: boolean } = {}): GraphQLError {
  return new GraphQLError(`${reason} ${HOW}`, {
    extensions: {
      code: ErrorCode.UNAUTHENTICATED,
      ...(options.refuseRequest ? { http: { status: 401, headers: new HeaderMap([["www-authenticate", 'Bearer realm="taawun"']]) } } : {}),
    },
  });
}

/**
 * A valid key without the role. The message names the role needed and nothing about the object
 * asked for, so a low-role key cannot probe which ids, slugs or key names exist.
 */
export function forbidden(need: string): GraphQLError {
  return new GraphQLError(`This needs a key with the ${need} role (or higher). Ask an admin for one.`, {
    extensions: { code: ErrorCode.FORBIDDEN },
  });
}
