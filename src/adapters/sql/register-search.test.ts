import { describeRegisterSearch } from './testing/register-search-suite';
import { sqliteInMemory } from './testing/test-database';

describeRegisterSearch(sqliteInMemory);
