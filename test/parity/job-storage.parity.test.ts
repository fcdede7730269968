import { describeJobStorage } from '../../src/adapters/sql/testing/job-storage-suite';
import { PARITY_FACTORIES } from './parity-databases';

PARITY_FACTORIES.forEach(describeJobStorage);
