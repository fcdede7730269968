import { describeAuditStore } from '../../src/adapters/sql/testing/audit-store-suite';
import { PARITY_FACTORIES } from './parity-databases';

// Real parallel connections: each factory's pool holds 8, and the appenders race across all of them.
PARITY_FACTORIES.forEach((factory) => describeAuditStore(factory, { concurrentAppends: 100 }));
