import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "graphql";
import type { DocumentNode } from "graphql";

const SCHEMA_DIR = import.meta.dirname;

/** The SDL of every feature (`src/schema/<feature>/schema.graphql`), in a stable order. */
export function loadTypeDefs(): DocumentNode[] {
  return readdirSync(SCHEMA_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(SCHEMA_DIR, entry.name, "schema.graphql"))
    .sort()
    .flatMap((file) => {
      try {
        return [parse(readFileSync(file, "utf8"))];
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
    });
}
