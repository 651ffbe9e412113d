import { readFileSync } from "node:fs";

/**
 * CPU seconds the whole machine has spent so far, all cores, from the first line of /proc/stat:
 * `processes` (user, nice, system: time some process was charged for) and `interrupts` (irq and
 * softirq, charged to no process: on 127.0.0.1 this is mostly the kernel moving TCP segments
 * between the server, the load generator and PostgreSQL). Compared over a run with what the
 * bench's own processes used, the rest of `processes` is what other processes took: the machine
 * is shared, and a run with a busy neighbour is not comparable with one without. Zeros where
 * /proc is not readable.
 */
export function machineCpuSeconds(): { processes: number; interrupts: number } {
  try {
    const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = ticks;
    return { processes: (user + nice + system) / 100, interrupts: (irq + softirq) / 100 };
  } catch {
    return { processes: 0, interrupts: 0 };
  }
}
