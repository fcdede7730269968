import { describeRegisterSearch } from '../../src/adapters/sql/testing/register-search-suite';
import { describeRegisterStatistics } from '../../src/adapters/sql/testing/register-statistics-suite';
import { PARITY_FACTORIES } from './parity-databases';

PARITY_FACTORIES.forEach(describeRegisterSearch);
PARITY_FACTORIES.forEach(describeRegisterStatistics);
