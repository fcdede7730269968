import { describeIdempotentStores } from './testing/ledger-and-records-suite';
import { sqliteInMemory } from './testing/test-database';

describeIdempotentStores(sqliteInMemory);
