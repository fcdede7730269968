import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOpenApiValidator, type OpenApiValidator } from '../openapi-validator';

/** The project's copy of the Jira Cloud platform REST v3 OpenAPI document. */
export const JIRA_PLATFORM_SPEC_PATH = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'jira', 'jira-platform-v3.json');

let shared: OpenApiValidator | undefined;

/** One validator per test process: building it reads 2.4 MB of JSON, and its compiled schemas are worth keeping. */
export const jiraPlatformValidator = (): OpenApiValidator => {
  shared ??= createOpenApiValidator(JSON.parse(readFileSync(JIRA_PLATFORM_SPEC_PATH, 'utf8')));
  return shared;
};
