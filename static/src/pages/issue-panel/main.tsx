import { start } from '../../boot/start';
import { IssuePanel } from './IssuePanel';

void start(IssuePanel);
