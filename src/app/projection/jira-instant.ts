/**
 * Jira writes instants with a colon-less offset (`2026-03-02T09:00:00.000+0000`) that ISO parsers in the domain
 * refuse; the register stores every instant as a UTC ISO string with milliseconds, so they compare as text.
 */
const JIRA_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export const normalizeJiraInstant = (text: string | undefined): string | undefined => {
  if (text === undefined || !JIRA_INSTANT.test(text)) return undefined;
  const withColon = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = new Date(withColon);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
};
