import type { Db } from '../open';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Runs after `sql`, in the same transaction: work SQL cannot do, such as computing stored values
   * again with the app's own functions when what they compute has changed.
   */
  run?: (db: Db) => void;
}
