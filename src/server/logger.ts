/** Structured log lines (one JSON object per line) so logs can be filtered and aggregated. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function write(stream: NodeJS.WriteStream, level: string, message: string, fields: Record<string, unknown> = {}) {
  stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...fields })}\n`);
}

/** JSON lines on stdout (info) and stderr (warnings, errors). */
export const jsonLogger: Logger = {
  info: (message, fields) => write(process.stdout, "info", message, fields),
  warn: (message, fields) => write(process.stderr, "warn", message, fields),
  error: (message, fields) => write(process.stderr, "error", message, fields),
};

/** Drops everything: for tests that assert on responses, not logs. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
