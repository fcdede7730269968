/**
 * One JSON line per notable outcome. Forge keeps 100 log lines per runtime-minute, so handlers log what someone
 * has to act on (a failure, a retry), never routine successes; values are identifiers, never issue content.
 */
export const logLine = (
  level: 'info' | 'warn' | 'error',
  handler: string,
  message: string,
  details: Readonly<Record<string, string | number | boolean | undefined>> = {},
): void => {
  console[level](JSON.stringify({ handler, message, ...details }));
};
