import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

// `npm run bench`: run every bench/*.bench.ts in its own process (so one bench's heap and
// connections never skew another's numbers), in name order, stopping at the first failure.
const dir = import.meta.dirname;
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".bench.ts") && (!only || name.includes(only)))
  .sort();
for (const [index, file] of files.entries()) {
  console.log(`\n=== [${index + 1}/${files.length}] ${file}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(dir, file)], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
