import { migration001 } from './001_initial';
import { migration002 } from './002_change_officer';
import { migration003 } from './003_chapter_key';
import type { ServerMigration } from './types';

/** In order; a migration's version is its position. Never edit one that has shipped: add the next. */
export const SERVER_MIGRATIONS: readonly ServerMigration[] = [migration001, migration002, migration003];

export const LATEST_SERVER_VERSION = SERVER_MIGRATIONS.length;
