import { describeRegisterRepository } from './testing/register-repository-suite';
import { sqliteInMemory } from './testing/test-database';

describeRegisterRepository(sqliteInMemory);
