/**
 * Builds Jira REST paths from a template and caller-supplied values. Every value is percent-encoded as one
 * path segment, so an issue key or property key can never reach another endpoint; a value that is only dots
 * would still be normalised by a server into `..`, so it is refused outright, as @forge/api's `route` does.
 */

export type PathValue = string | number;

const DOT_SEGMENT = /^\.+$/;

const encodeSegment = (value: PathValue): string => {
  const text = String(value);
  if (text === '' || DOT_SEGMENT.test(text)) {
    throw new Error(`Refusing ${JSON.stringify(text)} as a Jira path segment: it would change the path`);
  }
  return encodeURIComponent(text);
};

export const jiraPath = (template: TemplateStringsArray, ...values: readonly PathValue[]): string =>
  template.reduce((path, fragment, index) => {
    const value = values[index - 1];
    return value === undefined ? path + fragment : path + encodeSegment(value) + fragment;
  });

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

/** Appends query parameters; arrays repeat the key (OpenAPI `form`, `explode: true`), undefined is left out. */
export const withQuery = (path: string, query: Readonly<Record<string, QueryValue>>): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly (string | number)[]) params.append(name, String(item));
    else params.append(name, String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
};
