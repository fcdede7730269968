import { describeAuditStore } from './testing/audit-store-suite';
import { sqliteInMemory } from './testing/test-database';

describeAuditStore(sqliteInMemory, { concurrentAppends: 100 });
