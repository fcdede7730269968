import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const RESPONSES_DIR = join(__dirname, '..', 'fixtures', 'jira', 'responses');

/** A recorded-style Jira response body from test/fixtures/jira/responses. */
export const jiraResponse = (name: string): unknown => JSON.parse(readFileSync(join(RESPONSES_DIR, `${name}.json`), 'utf8'));

export const jiraResponseNames = (): string[] =>
  readdirSync(RESPONSES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();

/** The app's custom fields as the fixtures' site has them. */
export const MODULE_KEYS = {
  kind: 'exception-kind',
  tier: 'risk-tier',
  score: 'risk-score',
  expiry: 'requested-expiry',
  approval: 'approval-state',
} as const;

export const FIELD_IDS = {
  kind: 'customfield_10040',
  tier: 'customfield_10041',
  score: 'customfield_10042',
  expiry: 'customfield_10043',
  approval: 'customfield_10044',
} as const;
