import { describeConcurrencyCounts } from '../../src/adapters/sql/testing/concurrency-counts-suite';
import { PARITY_FACTORIES } from './parity-databases';

PARITY_FACTORIES.forEach(describeConcurrencyCounts);
