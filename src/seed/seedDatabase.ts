import { createPrisma } from "../db/createPrisma.js";
import type { DatabaseTarget } from "../db/databaseTarget.js";
import { loadRecord, SEEDS_DIR } from "../record/loadRecord.js";
import { planRecord } from "../record/planRecord.js";
import type { SeedPlan } from "../record/SeedPlan.js";
import { writeSeed } from "./writeSeed.js";
import type { Progress } from "./writeSeed.js";

/**
 * Loads, verifies and writes the curated record into a migrated database. Verification runs
 * before the first write, so a bad record leaves the database untouched.
 */
export async function seedDatabase(target: DatabaseTarget | string, options: { seedsDir?: string; progress?: Progress } = {}): Promise<SeedPlan> {
  const plan = planRecord(loadRecord(options.seedsDir ?? SEEDS_DIR));
  const prisma = createPrisma(target);
  try {
    await writeSeed(prisma, plan, options.progress);
  } finally {
    await prisma.$disconnect();
  }
  return plan;
}
