import { describeIdempotentStores } from '../../src/adapters/sql/testing/ledger-and-records-suite';
import { PARITY_FACTORIES } from './parity-databases';

PARITY_FACTORIES.forEach(describeIdempotentStores);
