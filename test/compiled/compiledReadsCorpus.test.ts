import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus } from "../../bench/corpus/generateCorpus.js";
import { differentialSuite } from "./differential.js";
import { corpusSlugs } from "./fixture.js";

// The same table over the benchmark's synthetic corpus (bench/corpus): 300 articles, 150 meetings,
// an actor in a dozen meetings, full pages and real cursors. It is generated into a migrated file
// (generateCorpus migrates before it writes) in about a second, in this thread.
differentialSuite("compiled reads = graphql-js, synthetic corpus of 300 articles", () => {
  const dir = mkdtempSync(join(tmpdir(), "taawun-compiled-corpus-"));
  const file = join(dir, "corpus.db");
  generateCorpus({ articles: 300, file, worker: false });
  return { file, slugs: corpusSlugs(file), remove: () => rmSync(dir, { recursive: true, force: true }) };
});
