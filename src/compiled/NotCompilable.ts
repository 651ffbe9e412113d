/** Thrown while compiling when part of an operation cannot be answered in SQL: the resolvers answer it. */
export class NotCompilable extends Error {}
