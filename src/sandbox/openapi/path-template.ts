/**
 * Path templates such as `/rest/api/3/issue/{issueIdOrKey}` matched against concrete paths. Jira routes a
 * literal segment before a templated one (`/issue/bulkfetch` is never the issue "bulkfetch"), so among the
 * templates that fit, the one whose first differing segment is literal wins.
 */

type Segment = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'param'; readonly name: string };

export type PathTemplate = { readonly template: string; readonly segments: readonly Segment[] };

export type TemplateMatch = { readonly template: string; readonly params: Readonly<Record<string, string>> };

const PARAM = /^\{([^{}]+)\}$/;

export const parsePathTemplate = (template: string): PathTemplate => ({
  template,
  segments: splitPath(template).map((text): Segment => {
    const param = PARAM.exec(text);
    return param?.[1] === undefined ? { kind: 'literal', text } : { kind: 'param', name: param[1] };
  }),
});

const splitPath = (path: string): string[] => path.split('/').slice(1);

const decodeSegment = (raw: string): string | null => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
};

const matchSegments = (template: PathTemplate, segments: readonly string[]): Record<string, string> | null => {
  if (template.segments.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of template.segments.entries()) {
    const actual = segments[index];
    if (actual === undefined) return null;
    if (segment.kind === 'literal') {
      if (segment.text !== actual) return null;
    } else {
      if (actual === '') return null;
      params[segment.name] = actual;
    }
  }
  return params;
};

/** Negative when `a` is the more specific template: the first position where they differ decides. */
const bySpecificity = (a: PathTemplate, b: PathTemplate): number => {
  for (const [index, segment] of a.segments.entries()) {
    const other = b.segments[index];
    if (other !== undefined && segment.kind !== other.kind) return segment.kind === 'literal' ? -1 : 1;
  }
  return 0;
};

/** Returns the most specific template that fits `path` (no query string), or null when none does. */
export const matchPathTemplate = (templates: readonly PathTemplate[], path: string): TemplateMatch | null => {
  const decoded = splitPath(path).map(decodeSegment);
  if (decoded.some((segment) => segment === null)) return null;
  const segments = decoded as string[];
  let best: { template: PathTemplate; params: Record<string, string> } | null = null;
  for (const template of templates) {
    const params = matchSegments(template, segments);
    if (params !== null && (best === null || bySpecificity(template, best.template) < 0)) best = { template, params };
  }
  return best === null ? null : { template: best.template.template, params: best.params };
};
