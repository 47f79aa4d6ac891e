export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}
