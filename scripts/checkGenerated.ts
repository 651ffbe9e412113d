import { readFileSync } from "node:fs";
import { generate } from "@graphql-codegen/cli";
import { config } from "../codegen.js";

// `npm run codegen:check`: fail when the committed generated files differ from what the SDL
// generates now, so clients never build against a stale schema.graphql or resolver types.
const outputs: { filename: string; content: string }[] = await generate({ ...config, silent: true }, false);
const stale = outputs.filter((output) => {
  let committed = "";
  try {
    committed = readFileSync(output.filename, "utf8");
  } catch {
    return true;
  }
  return committed !== output.content;
});
if (stale.length > 0) {
  console.error(`Generated files are stale: ${stale.map((o) => o.filename).join(", ")}. Run \`npm run codegen\` and commit the result.`);
  process.exit(1);
}
console.log(`Generated files are fresh (${outputs.map((o) => o.filename).join(", ")}).`);
