import type { FormattedExecutionResult } from "graphql";

const TEXT = new WeakMap<object, string>();

/**
 * The `data` of an HTTP answer compiled reads wrote as JSON text: an object standing for the text,
 * which {@link stringifyResult} writes out as it is. Parsing the text only for Apollo to stringify
 * it again cost ≈ 12% of a request (docs/performance.md, sixth pass). Anything else that
 * serialises it still gets the data (toJSON).
 */
export function compiledData(text: string): Record<string, unknown> {
  const data = { toJSON: () => JSON.parse(text) as unknown };
  Object.defineProperty(data, "toJSON", { enumerable: false });
  TEXT.set(data, text);
  return data;
}

/** Apollo's `stringifyResult`: its own (JSON.stringify and a newline), except for compiled answers. */
export function stringifyResult(value: FormattedExecutionResult): string {
  const text = value.data ? TEXT.get(value.data) : undefined;
  if (text !== undefined && value.errors === undefined && value.extensions === undefined) return `{"data":${text}}\n`;
  return `${JSON.stringify(value)}\n`;
}
