import { policyCommand, POLICY_USAGE } from './commands/policy.command';
import { riskCommand, RISK_USAGE } from './commands/risk.command';
import { preflightCommand, PREFLIGHT_USAGE } from './commands/preflight.command';
import { CliError, EXIT_USAGE, type CliOutput } from './cli-io';

const USAGE = `usage: exception-register <command> [options]   (every command prints JSON)

${RISK_USAGE}
${PREFLIGHT_USAGE}
${POLICY_USAGE}`;

const processOutput: CliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

type Command = (args: string[], out: CliOutput, now: () => Date) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  risk: riskCommand,
  preflight: preflightCommand,
  policy: policyCommand,
};

/** Runs one command; returns the exit code. Expected failures print one line, never a stack trace. */
export async function main(argv: string[], out: CliOutput = processOutput, now: () => Date = () => new Date()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out.stdout(`${USAGE}\n`);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    out.stderr(`exception-register: unknown command "${name}"\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command(args, out, now);
  } catch (error) {
    if (error instanceof CliError) {
      out.stderr(`exception-register: ${error.message}\n`);
      return error.exitCode;
    }
    // node:util parseArgs reports unknown or malformed flags with these codes.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`exception-register: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
