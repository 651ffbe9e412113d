/**
 * Every connection's `totalCount`: the page carries it as a thunk so the count query runs only
 * when a client selects the field. Resolved explicitly: graphql-js's default resolver would call a
 * function-valued property, but compiled operations (graphql-jit) read properties as they are.
 */
export function totalCount(page: { totalCount: () => number | Promise<number> }): number | Promise<number> {
  return page.totalCount();
}
