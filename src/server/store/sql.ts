/** Values we bind as query parameters; both drivers serialise these the same way. */
export type SqlParam = string | number | boolean | Date | null;

export type SqlRow = Record<string, unknown>;

export interface SqlQueryable {
  /** One parameterised statement. */
  query<R extends SqlRow = SqlRow>(text: string, params?: readonly SqlParam[]): Promise<R[]>;
  /** A parameterless script of several statements (migrations only). */
  exec(script: string): Promise<void>;
}

/**
 * The only thing the store needs from a database: PostgreSQL through `pg` and embedded PGlite
 * both provide it, so every line of SQL and every migration is shared between them.
 */
export interface SqlClient extends SqlQueryable {
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
