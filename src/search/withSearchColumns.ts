import type { PrismaClient } from "../generated/prisma/client.js";
import { addSearchColumns } from "./searchColumns.js";
import type { SearchModel } from "./searchColumns.js";

type Args = Record<string, unknown>;

const DATA_OPERATIONS = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn"]);

/** The operation's arguments with the search shadow columns filled in wherever text is written. */
function fill(model: SearchModel, operation: string, args: Args): Args {
  const add = (data: unknown) => (data && typeof data === "object" ? addSearchColumns(model, data) : data);
  if (DATA_OPERATIONS.has(operation)) {
    const data = args.data;
    return { ...args, data: Array.isArray(data) ? data.map(add) : add(data) };
  }
  if (operation === "upsert") return { ...args, create: add(args.create), update: add(args.update) };
  return args;
}

/**
 * The Prisma client with a query extension that keeps the full-text index's input current: every
 * create, update and upsert of an article or meeting that writes an indexed text column also
 * writes its normalised shadow column (src/search/searchColumns.ts), in the same statement. The
 * SQL triggers of the search_index migration then copy the shadow columns into "SearchIndex".
 *
 * Why here and not in triggers alone: normalisation is JS (src/text), and a JS function registered
 * on one SQLite connection does not exist on the driver adapter's own connection. Why not only in
 * the seed: any other Prisma write (an admin fix, a later ingestion) would leave the index stale.
 * Nested writes (`actor.update({ data: { published: { create } } })`) bypass model query
 * extensions: write articles and meetings through their own model.
 *
 * The cast keeps the plain `PrismaClient` type: a query extension changes behaviour, not shape.
 */
export function withSearchColumns(prisma: PrismaClient): PrismaClient {
  return prisma.$extends({
    name: "searchColumns",
    query: {
      article: {
        $allOperations: ({ operation, args, query }) => query(fill("article", operation, args as Args) as typeof args),
      },
      meeting: {
        $allOperations: ({ operation, args, query }) => query(fill("meeting", operation, args as Args) as typeof args),
      },
    },
  }) as unknown as PrismaClient;
}
