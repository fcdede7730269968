import { describeRegisterStatistics } from './testing/register-statistics-suite';
import { sqliteInMemory } from './testing/test-database';

describeRegisterStatistics(sqliteInMemory);
