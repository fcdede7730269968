import { start } from '../../boot/start';
import { RegisterApp } from './RegisterApp';

void start(RegisterApp);
