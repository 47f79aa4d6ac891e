import pg from 'pg';
import type { SqlClient, SqlParam, SqlQueryable, SqlRow } from './sql';

const INT8_OID = 20;

export interface PostgresOptions {
  url: string;
  /**
   * Keep all tables in this schema (created if missing) instead of the connection's default, so
   * that several deployments or test runs can share one database.
   */
  schema?: string;
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
}

/** A pool-backed client. Several server instances may share one database. */
export async function connectPostgres(options: PostgresOptions): Promise<SqlClient> {
  if (options.schema) assertSchemaName(options.schema);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    // Sequences and counts are bigint; they stay far below 2^53, and PGlite returns numbers too.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const on = (runner: pg.Pool | pg.PoolClient): SqlQueryable => ({
    async query<R extends SqlRow>(text: string, params: readonly SqlParam[] = []) {
      const result = await runner.query<R>(text, params as SqlParam[]);
      return result.rows;
    },
    async exec(script: string) {
      await runner.query(script);
    },
  });

  return {
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch (rollbackError) {
          // A connection that cannot roll back is broken: drop it from the pool.
          client.release(rollbackError as Error);
        }
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
