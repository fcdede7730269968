import { describeRegisterRepository } from '../../src/adapters/sql/testing/register-repository-suite';
import { PARITY_FACTORIES } from './parity-databases';

PARITY_FACTORIES.forEach(describeRegisterRepository);
