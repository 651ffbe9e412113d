/** Where the PostgreSQL copy of the corpus of `articles` lives unless `--url`/`--pg-url` names another. */
export function benchPostgresUrl(articles: number): string {
  return `postgres://postgres@127.0.0.1:5433/bench_corpus_${articles}`;
}
