import { parseArgs } from 'node:util';
import { exceptionRequestSchema } from '../../domain/exception/security-exception';
import { listProblems } from '../../domain/policy/policy-config';
import { preflight } from '../../domain/preflight/preflight';
import { CliError, EXIT_INVALID_INPUT, EXIT_USAGE, printJson, readJsonFile, type CliOutput } from '../cli-io';
import { loadPolicy } from './policy.command';

export const PREFLIGHT_USAGE = `preflight <request.json> [--policy policy.json] [--now ISO-8601 instant]
                             tier with explanation, required approvers, latest expiry allowed and every
                             problem; exits 0 when the request is ready to submit, 1 when it is not`;

export async function preflightCommand(args: string[], out: CliOutput, now: () => Date): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { policy: { type: 'string' }, now: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0) throw new CliError(`usage: ${PREFLIGHT_USAGE}`, EXIT_USAGE);
  const at = values.now === undefined ? now() : parseInstant(values.now);
  const policy = await loadPolicy(values.policy);
  const parsed = exceptionRequestSchema.safeParse(await readJsonFile(file, 'request'));
  if (!parsed.success) {
    const problems = listProblems(parsed.error);
    throw new CliError(`request file "${file}" is malformed: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
  const result = preflight(parsed.data, policy, at);
  printJson(out, result);
  return result.ready ? 0 : EXIT_INVALID_INPUT;
}

function parseInstant(text: string): Date {
  const instant = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime())) throw new CliError(`--now must be an ISO-8601 date or instant such as 2026-11-23T09:00:00Z, not "${text}"`, EXIT_USAGE);
  return instant;
}
