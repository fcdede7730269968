import { describeMigrations } from '../../src/adapters/sql/testing/migrations-suite';
import { PARITY_FACTORIES } from './parity-databases';

PARITY_FACTORIES.forEach(describeMigrations);
