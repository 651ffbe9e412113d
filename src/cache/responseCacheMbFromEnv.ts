/** The response cache's budget when TAAWUN_RESPONSE_CACHE_MB is not set. */
export const DEFAULT_RESPONSE_CACHE_MB = 64;

/** TAAWUN_RESPONSE_CACHE_MB: megabytes (MiB) of answers to keep; 0 turns the cache off. */
export function responseCacheMbFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.TAAWUN_RESPONSE_CACHE_MB;
  if (text === undefined || text.trim() === "") return DEFAULT_RESPONSE_CACHE_MB;
  const megabytes = Number(text);
  if (!Number.isFinite(megabytes) || megabytes < 0) {
    throw new Error(`TAAWUN_RESPONSE_CACHE_MB must be a number of megabytes, 0 or more (0 turns the response cache off); got "${text}".`);
  }
  return megabytes;
}
