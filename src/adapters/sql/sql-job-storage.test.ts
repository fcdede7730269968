import { describeJobStorage } from './testing/job-storage-suite';
import { sqliteInMemory } from './testing/test-database';

describeJobStorage(sqliteInMemory);
