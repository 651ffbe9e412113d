import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { openDatabase } from "../../../src/db/openDatabase.js";
import { writeExport } from "../../../src/export/writeExport.js";

export const ROOT = join(import.meta.dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

/** Starts one of the project's commands (`src/cli/importCommand.ts`, …) on a database, as npm would. */
export function startCommand(script: string, args: string[], databaseFile: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(TSX, [script, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

/** Runs a command to the end. */
export function runCommand(script: string, args: string[], databaseFile: string) {
  const run = spawnSync(TSX, [script, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${databaseFile}` }, encoding: "utf8" });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** Resolves when the child has written a line matching `pattern` (stdout or stderr). */
export function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) resolve(match[0]);
    };
    child.stdout?.on("data", look);
    child.stderr?.on("data", look);
    child.once("exit", (code, signal) => reject(new Error(`exited (${code ?? signal}) before printing ${pattern}:\n${seen}`)));
  });
}

/** Resolves with the exit code (or signal) once the child has exited. */
export function exited(child: ChildProcess): Promise<number | string> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)));
}

/** `PRAGMA integrity_check` and `foreign_key_check` of a database file. */
export function checkIntegrity(file: string): { integrity: string; foreignKeyViolations: number } {
  const db = openDatabase(file, { readonly: true });
  try {
    return { integrity: db.pragma("integrity_check", { simple: true }) as string, foreignKeyViolations: (db.pragma("foreign_key_check") as unknown[]).length };
  } finally {
    db.close();
  }
}

/** A database's export with the export time blanked, for comparing two databases' whole record. */
export async function exportText(file: string, out: string): Promise<string> {
  const db = openDatabase(file, { readonly: true });
  try {
    await writeExport(db, out);
  } finally {
    db.close();
  }
  const { readFileSync } = await import("node:fs");
  return readFileSync(out, "utf8").replace(/"exportedAt":"[^"]*"/, "");
}
