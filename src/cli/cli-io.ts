import { readFile } from 'node:fs/promises';

/**
 * Expected CLI failures (bad flags, unreadable files, invalid JSON, invalid input) carry a one-line message
 * and an exit code; main() prints the message alone, never a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}

export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

export type CliOutput = { readonly stdout: (text: string) => void; readonly stderr: (text: string) => void };

export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new CliError(`cannot read ${what} file "${path}" (${code})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${what} file "${path}" is not valid JSON: ${(error as Error).message}`);
  }
}

export const printJson = (out: CliOutput, value: unknown): void => out.stdout(`${JSON.stringify(value, null, 2)}\n`);
