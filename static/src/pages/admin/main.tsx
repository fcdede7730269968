import { start } from '../../boot/start';
import { AdminApp } from './AdminApp';

void start(AdminApp);
