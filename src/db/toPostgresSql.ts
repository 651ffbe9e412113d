/**
 * Translates the read path's SQL, written once in SQLite's dialect, into PostgreSQL's. The read
 * path issues a bounded set of statement shapes, all written in this repository, so a small
 * translator covering exactly the constructs they use keeps one SQL text per query (and one place
 * to change it) instead of two hand-kept copies that drift apart:
 *
 * - `?` placeholders become `$1, $2, …` in order;
 * - camelCase identifiers are double-quoted: Prisma creates PostgreSQL columns with their model
 *   names ("dateSort"), and PostgreSQL folds unquoted names to lower case;
 * - `json_each(?)` (a JSON array of integer ids, how batches travel) becomes a subquery over
 *   `json_array_elements_text`, exposing the same `value` column;
 * - `json_group_array(…)` becomes `json_agg(…)::text`, so both return the JSON text callers parse;
 * - `x IN (<small set>)` becomes `x = ANY(ARRAY(<small set>))` when the set is a batch of keys
 *   (`SELECT value FROM json_each(?)`, `SELECT id FROM keys`) or a tree (`WITH … SELECT id FROM tree`, `SELECT id FROM
 *   tree`). PostgreSQL estimates a set-returning function at 100 rows and a recursive CTE at
 *   thousands whatever they hold, and for tables of a few thousand rows it then prefers a hash join
 *   over a sequential scan; an array built once (an InitPlan) is an index condition instead. These
 *   sets are bounded by construction (a DataLoader batch, a topic or affiliation tree); a set that
 *   grows with the record (a search's matches, an actor's articles) keeps `IN`, where a semi join
 *   is the right plan. `NOT IN` is left alone. Same rows either way: every statement orders its
 *   own output.
 *
 * String literals and already-quoted identifiers pass through untouched. Anything else that differs
 * (full-text search) is chosen by the reader's dialect where it is written.
 */
export function toPostgresSql(sql: string): string {
  return translate(sql, { n: 0 });
}

/** Sets the `IN` rule above may turn into arrays: a batch of keys, or a tree CTE's ids. */
const SMALL_SET = /^(SELECT value FROM json_each\(\?\)|WITH (RECURSIVE )?tree\(root, id\) AS [\s\S]* SELECT id FROM tree|SELECT id FROM (tree|keys))$/;

function translate(sql: string, placeholders: { n: number }): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = closing(sql, i, c);
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    if (c === "?") {
      out += `$${++placeholders.n}`;
      i += 1;
      continue;
    }
    if (sql.startsWith("json_each(?)", i)) {
      out += `(SELECT CAST(value AS INTEGER) AS value FROM json_array_elements_text($${++placeholders.n}::json)) AS json_each`;
      i += "json_each(?)".length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i, i + 64))?.[0];
    if (word === "IN" && !out.trimEnd().endsWith("NOT")) {
      const open = /^IN\s*\(/.exec(sql.slice(i, i + 64));
      if (open) {
        const start = i + open[0].length - 1;
        const close = matchingParen(sql, start);
        const set = sql.slice(start + 1, close).trim();
        if (SMALL_SET.test(set)) {
          out += `= ANY(ARRAY(${translate(set, placeholders)}))`;
          i = close + 1;
          continue;
        }
      }
    }
    if (word) {
      if (word === "json_group_array" && sql[i + word.length] === "(") {
        const close = matchingParen(sql, i + word.length);
        const args = sql.slice(i + word.length, close + 1);
        if (args.includes("?")) throw new Error(`toPostgresSql: a placeholder inside json_group_array is not supported: ${args}`);
        out += `json_agg${translate(args, placeholders)}::text`;
        i = close + 1;
        continue;
      }
      out += /^[a-z][a-z0-9]*[A-Z]/.test(word) ? `"${word}"` : word;
      i += word.length;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

function closing(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  throw new Error(`Unterminated ${quote} in SQL: ${sql.slice(start, start + 40)}…`);
}

function matchingParen(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i += 1) {
    if (sql[i] === "(") depth += 1;
    else if (sql[i] === ")" && --depth === 0) return i;
  }
  throw new Error(`Unbalanced parentheses in SQL: ${sql.slice(open, open + 40)}…`);
}
