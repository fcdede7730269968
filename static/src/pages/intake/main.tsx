import { start } from '../../boot/start';
import { IntakeApp } from './IntakeApp';

void start(IntakeApp);
