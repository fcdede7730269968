import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { RECORDER_MODULE_KEY, VALIDATOR_MODULE_KEYS } from './module-keys';

const moduleSchema = z.looseObject({ key: z.string(), function: z.string().optional(), handler: z.string().optional() });
const manifestSchema = z.looseObject({ modules: z.record(z.string(), z.array(moduleSchema)) });
const manifest = manifestSchema.parse(parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'manifest.yml'), 'utf8')));

const modulesOf = (type: string) => manifest.modules[type] ?? [];
const handlerOf = (functionKey: string | undefined) => modulesOf('function').find((fn) => fn.key === functionKey)?.handler;

describe('the workflow rules set-up references', () => {
  it.each(Object.values(VALIDATOR_MODULE_KEYS))('declares the validator %s, answered by the transition validator', (moduleKey) => {
    const validator = modulesOf('jira:workflowValidator').find((module) => module.key === moduleKey);
    expect(handlerOf(validator?.function)).toBe('index.validateTransition');
  });

  it('declares the decision recorder, answered by the recorder post function', () => {
    const recorder = modulesOf('jira:workflowPostFunction').find((module) => module.key === RECORDER_MODULE_KEY);
    expect(handlerOf(recorder?.function)).toBe('index.recordDecisionPostFunction');
  });
});
