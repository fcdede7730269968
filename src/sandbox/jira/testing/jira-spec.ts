import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiValidator, type OpenApiValidator } from '../../openapi/openapi-validator';

/** The Jira Cloud platform REST v3 spec the stand-in is held to, loaded once per test module. */
const JIRA_SPEC_PATH = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'jira', 'jira-platform-v3.json');

let validator: OpenApiValidator | undefined;

export const jiraSpecValidator = (): OpenApiValidator => {
  validator ??= createOpenApiValidator(JSON.parse(readFileSync(JIRA_SPEC_PATH, 'utf8')) as unknown);
  return validator;
};
