import type { PrismaClient } from "../generated/prisma/client.js";
import { prismaDialect } from "./prismaDialect.js";

/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// SQLite: a statement that changes nothing but is a write, so SQLite grants the write lock. The
// migration table exists in every database this code opens (the migration runners create it first).
// PostgreSQL: a transaction-scoped advisory lock, so writers queue as they do on SQLite instead of
// racing each other's upserts (one writer at a time is the record's consistency model).
const TAKE_WRITE_LOCK = {
  sqlite: `UPDATE "_prisma_migrations" SET id = id WHERE 1 = 0`,
  postgres: `SELECT 1 AS locked FROM pg_advisory_xact_lock(720261123)`,
} as const;

/**
 * A Prisma interactive transaction that behaves like `BEGIN IMMEDIATE`.
 *
 * The better-sqlite3 adapter opens every transaction with a plain `BEGIN` (deferred): no lock until
 * the first statement, and a transaction that reads first holds a read snapshot. If another
 * process commits before it then writes, SQLite cannot upgrade the stale snapshot and fails at
 * once with SQLITE_BUSY, without waiting; the busy timeout does not help. Making the first
 * statement a write takes the write lock up front, waiting for it under the busy timeout
 * (better-sqlite3's default, 5 s), so every read inside the transaction sees the latest commit and
 * two writers queue instead of failing. The adapter also serialises transactions of one client
 * behind a mutex, so writes from one process never interleave.
 *
 * A read can hide where none is written: preparing a statement that touches the full-text index
 * (a trigger inserting into the FTS5 table) makes FTS5 read its config table first, so even a
 * transaction whose first statement is an INSERT starts as a reader and fails at once when
 * another process holds the lock (test/faults/concurrency.test.ts, two concurrent seeds).
 */
export function writeTransaction<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>, options: { timeout?: number } = {}): Promise<T> {
  const dialect = prismaDialect(prisma);
  return prisma.$transaction(
    async (tx: Tx) => {
      if (dialect === "sqlite") await tx.$executeRawUnsafe(TAKE_WRITE_LOCK.sqlite);
      else await tx.$queryRawUnsafe(TAKE_WRITE_LOCK.postgres);
      return fn(tx);
    },
    // maxWait covers queueing behind this client's other transactions (the adapter's mutex);
    // timeout bounds the whole transaction, lock wait included.
    { maxWait: 15_000, timeout: options.timeout ?? 30_000 },
  );
}
