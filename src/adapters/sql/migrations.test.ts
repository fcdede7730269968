import { describeMigrations } from './testing/migrations-suite';
import { sqliteInMemory } from './testing/test-database';

describeMigrations(sqliteInMemory);
