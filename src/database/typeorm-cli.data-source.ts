import '../load-env';
import { DataSource } from 'typeorm';
import { loadDatabaseConfig } from '../config/database.config';
import { buildDataSourceOptions } from './data-source';

/**
 * For the TypeORM CLI only (scripts/generate-migration.js): the same options the app uses. Kept apart from
 * data-source.ts so that importing the options never opens a database as a side effect.
 */
export default new DataSource(buildDataSourceOptions(loadDatabaseConfig()));
