import { start } from '../../boot/start';
import { RuleConfig } from './RuleConfig';

void start(RuleConfig);
