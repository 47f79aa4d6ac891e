import { migration001 } from './001_initial';
import type { ServerMigration } from './types';

/** In order; a migration's version is its position. Never edit one that has shipped: add the next. */
export const SERVER_MIGRATIONS: readonly ServerMigration[] = [migration001];

export const LATEST_SERVER_VERSION = SERVER_MIGRATIONS.length;
