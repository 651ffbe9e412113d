import { basename, resolve } from "node:path";
import { cliActor, recordAudit } from "../audit/recordAudit.js";
import { createPrisma } from "../db/createPrisma.js";
import { databaseFile } from "../db/databaseUrl.js";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/openDatabase.js";
import { tableCounts } from "../db/tableCounts.js";
import { writeTransaction } from "../db/writeTransaction.js";
import { ImportError } from "../export/ImportError.js";
import { importRecord } from "../export/importRecord.js";
import { stepProgress } from "../export/progress.js";
import { readExport } from "../export/readExport.js";

// `npm run import -- <file>`: restore an export (`npm run export`) into DATABASE_URL, normally an
// empty database. Each line is its own transaction; rerunning after a crash resumes.
const path = process.argv[2];
if (!path) {
  console.error("Usage: npm run import -- <export.jsonl>   (into DATABASE_URL; make the file with `npm run export`)");
  process.exit(1);
}
const file = databaseFile();
const db = openDatabase(file);
migrate(db);
db.close();
const prisma = createPrisma(file);
try {
  const exported = await readExport(resolve(path));
  console.error(`import: ${exported.lines.length} lines checked, exported ${exported.header.exportedAt}`);
  const summary = await importRecord(prisma, exported, stepProgress("import"));
  if (summary.inserted > 0) {
    await writeTransaction(prisma, (tx) =>
      recordAudit(tx, { actor: cliActor(), keyId: null, action: "record.import", target: `file:${basename(path)}`, details: { ...summary, exportedAt: exported.header.exportedAt } }),
    );
  }
  const after = openDatabase(file, { readonly: true });
  console.log(`${file}: imported ${summary.inserted} lines, ${summary.skipped} already present.`, tableCounts(after));
  after.close();
} catch (error) {
  console.error(`Import stopped: ${(error as Error).message}`);
  if (!(error instanceof ImportError)) console.error("Lines written before the failure are kept, each whole; run the same import again to resume.");
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
