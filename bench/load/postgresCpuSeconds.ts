import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on every Linux we run). */
const TICKS = 100;

/**
 * CPU seconds used so far by the PostgreSQL backends connected to `database` (found by their
 * process title, "postgres: <user> <database> <host> …", which is what ps shows), summed. The
 * server runs on the same machine as the bench, so its share of the two cores is part of what a
 * PostgreSQL target costs. A backend that has exited still counts with what it had used when last
 * seen: with --rounds, idle targets' pools close connections while another target is loaded, and
 * dropping those from the sum made the difference of two samples negative. Zero where /proc is not
 * readable.
 */
/** Ticks last seen per backend ("pid start-time", so a reused pid is another backend), per database. */
const lastSeen = new Map<string, Map<string, number>>();

export function postgresCpuSeconds(database: string): number {
  let seen = lastSeen.get(database);
  if (!seen) lastSeen.set(database, (seen = new Map()));
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      if (!title.startsWith("postgres: ") || title.split(/\s+/)[2] !== database) continue;
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // starttime is the 22nd field of the whole line, the 20th after the command name.
      seen.set(`${pid} ${fields[19]}`, Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process exited while we looked.
    }
  }
  let ticks = 0;
  for (const used of seen.values()) ticks += used;
  return ticks / TICKS;
}
