import "server-only";
import type { Db } from "./client";

/**
 * A statement built once per database handle, for the reads and writes on every request's path:
 * drizzle's `.prepare(name)` keeps the SQL it built, and on PostgreSQL the name makes each connection
 * parse and plan it once. Kept per handle (a WeakMap), because a handle is reopened — in tests, one
 * per file — and a statement belongs to the handle that prepared it.
 */
export function preparedPerHandle<T>(prepare: (db: Db) => T): (db: Db) => T {
  const statements = new WeakMap<Db, T>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) statements.set(db, (statement = prepare(db)));
    return statement;
  };
}
