export { openDatabase, databaseOptionsFrom, type DatabaseHandle, type DatabaseOptions } from './connect.js';
export { migrateToLatest, MigrationError, MIGRATION_NAMES, type Dialect } from './migrations/index.js';
export { CountersRepository } from './repositories/counters.js';
export { ProjectsRepository, type ProjectRow, type NewProject, type Page } from './repositories/projects.js';
export type * from './tables/index.js';
