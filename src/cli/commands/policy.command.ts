import { parseArgs } from 'node:util';
import { DEFAULT_POLICY_INPUT } from '../../domain/policy/default-policy';
import { parsePolicy, type Policy } from '../../domain/policy/policy-config';
import { CliError, EXIT_INVALID_INPUT, EXIT_USAGE, printJson, readJsonFile, type CliOutput } from '../cli-io';

export const POLICY_USAGE = `policy check <policy.json>   validate a policy configuration and list every problem
policy defaults              print the default policy (a starting point for your own)`;

export async function policyCommand(args: string[], out: CliOutput): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
  const [sub, file, ...rest] = positionals;
  if (sub === 'defaults' && file === undefined) {
    printJson(out, DEFAULT_POLICY_INPUT);
    return 0;
  }
  if (sub !== 'check' || file === undefined || rest.length > 0) throw new CliError(`usage: ${POLICY_USAGE}`, EXIT_USAGE);
  const parsed = parsePolicy(await readJsonFile(file, 'policy'));
  if (parsed.ok) {
    printJson(out, { valid: true });
    return 0;
  }
  printJson(out, { valid: false, problems: parsed.problems ?? [] });
  return EXIT_INVALID_INPUT;
}

/** Loads `--policy` when given, else the defaults; an invalid policy file is an error, never silently replaced. */
export async function loadPolicy(file: string | undefined): Promise<Policy> {
  if (file === undefined) {
    const parsed = parsePolicy(DEFAULT_POLICY_INPUT);
    if (!parsed.ok) throw new Error('default policy is invalid');
    return parsed.value;
  }
  const parsed = parsePolicy(await readJsonFile(file, 'policy'));
  if (!parsed.ok) {
    const first = parsed.problems?.[0];
    const more = (parsed.problems?.length ?? 1) - 1;
    throw new CliError(
      `policy file "${file}" is invalid: ${first ? `${first.path}: ${first.message}` : parsed.error.message}${more > 0 ? ` (and ${more} more; run "policy check" to list them)` : ''}`,
    );
  }
  return parsed.value;
}
