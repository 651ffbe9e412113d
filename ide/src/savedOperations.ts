// Read at build time: the saved operations are baked into the bundle, so the
// IDE never fetches them and a missing or empty folder just yields `{}`.
export const savedOperations: Record<string, string> = import.meta.glob<string>(
  '../../examples/operations/*.graphql',
  { query: '?raw', import: 'default', eager: true },
);
