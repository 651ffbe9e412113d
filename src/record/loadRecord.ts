import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parse } from "yaml";
import { RecordError } from "./RecordError.js";

/** The seed directory of this checkout. */
export const SEEDS_DIR = resolve(import.meta.dirname, "../../seeds");

/** One article's record file with the original text it describes. */
export interface RawArticleRecord {
  /** Path shown in error messages, relative to the seeds directory. */
  file: string;
  data: unknown;
  /** The original source text, or null when the record names a file that does not exist. */
  original: string | null;
}

/** The record as parsed YAML, before validation. */
export interface RawRecord {
  actors: unknown;
  topics: unknown;
  places: unknown;
  articles: RawArticleRecord[];
}

function readYaml(dir: string, relative: string): unknown {
  const text = readFileSync(join(dir, relative), "utf8");
  try {
    return parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new RecordError([{ file: relative, entry: "(file)", message: `not valid YAML: ${(error as Error).message}` }]);
  }
}

/** Reads `record/*.yaml` and, for each article record, the source text it names. I/O only. */
export function loadRecord(dir: string = SEEDS_DIR): RawRecord {
  const articleFiles = readdirSync(join(dir, "record/articles"))
    .filter((name) => name.endsWith(".yaml"))
    .sort();
  return {
    actors: readYaml(dir, "record/actors.yaml"),
    topics: readYaml(dir, "record/topics.yaml"),
    places: readYaml(dir, "record/places.yaml"),
    articles: articleFiles.map((name) => {
      const file = `record/articles/${name}`;
      const data = readYaml(dir, file);
      const source = (data as { file?: unknown } | null)?.file;
      let original: string | null = null;
      if (typeof source === "string") {
        try {
          original = readFileSync(join(dir, "articles", basename(source)), "utf8");
        } catch {
          original = null;
        }
      }
      return { file, data, original };
    }),
  };
}
