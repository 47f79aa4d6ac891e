import { migration001 } from './001_initial';
import type { Migration } from './types';

/** In order; a migration's version is its position. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [migration001];

export const LATEST_VERSION = MIGRATIONS.length;
