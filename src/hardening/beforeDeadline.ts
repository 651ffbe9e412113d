import type { Deadline } from "./deadline.js";

/** The work's result, or null when the deadline passes first (the work carries on, unobserved). */
export async function beforeDeadline<T>(work: Promise<T>, deadline: Deadline): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), deadline.ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
