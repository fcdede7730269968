import {
  DEFAULT_REGISTER_SORT,
  FRAMEWORKS,
  REGISTER_PAGE_SIZES,
  STATUSES,
  TIERS,
  registerFilterSchema,
  registerSortSchema,
  type ControlReference,
  type RegisterFilter,
  type RegisterSort,
} from '@contract';
import { parsedOrUndefined } from '../../shared/parse';

/**
 * The register view lives in the URL query so that a link shares the exact view: tab, filters, sort and page
 * size. Parsing never fails: a parameter that does not parse is dropped, so an edited or stale link still opens.
 */

export const REGISTER_TABS = ['exceptions', 'dashboard', 'reviews', 'reports'] as const;
export type RegisterTab = (typeof REGISTER_TABS)[number];
export type PageSize = (typeof REGISTER_PAGE_SIZES)[number];

export type RegisterQuery = {
  readonly tab: RegisterTab;
  readonly filter: RegisterFilter;
  readonly sort: RegisterSort;
  readonly pageSize: PageSize;
};

export const DEFAULT_QUERY: RegisterQuery = { tab: 'exceptions', filter: {}, sort: DEFAULT_REGISTER_SORT, pageSize: 25 };

const shape = registerFilterSchema.shape;

const list = (value: string | null): string[] | undefined =>
  value === null ? undefined : [...new Set(value.split(',').filter((v) => v.length > 0))];

/** Keeps the known values of a list, so one stale value does not drop the whole filter. */
const known = <T extends string>(vocabulary: readonly T[], values: string[] | undefined): T[] | undefined =>
  values?.filter((v): v is T => (vocabulary as readonly string[]).includes(v));

const bool = (value: string | null): boolean | undefined => (value === 'true' ? true : value === 'false' ? false : undefined);

const int = (value: string | null): number | undefined => (value !== null && /^\d+$/.test(value) ? Number(value) : undefined);

const controlRef = (value: string | null) => {
  if (value === null) return undefined;
  const at = value.indexOf(':');
  return at < 0 ? undefined : parsedOrUndefined(shape.controlRef, { framework: value.slice(0, at), id: value.slice(at + 1) });
};

const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;

export function parseRegisterQuery(search: string): RegisterQuery {
  const params = new URLSearchParams(search);
  const get = (name: string) => params.get(name);
  const tab = REGISTER_TABS.find((t) => t === get('tab')) ?? DEFAULT_QUERY.tab;
  const filter: RegisterFilter = withoutUndefined({
    status: known(STATUSES, list(get('status'))),
    tier: known(TIERS, list(get('tier'))),
    asset: parsedOrUndefined(shape.asset, get('asset')),
    owner: parsedOrUndefined(shape.owner, get('owner')),
    requester: parsedOrUndefined(shape.requester, get('requester')),
    approver: parsedOrUndefined(shape.approver, get('approver')),
    businessUnit: parsedOrUndefined(shape.businessUnit, get('bu')),
    controlRef: controlRef(get('control')),
    expiringWithinDays: parsedOrUndefined(shape.expiringWithinDays, int(get('expiring'))),
    reviewOverdue: bool(get('overdue')),
    lacksControls: bool(get('lacksControls')),
    text: parsedOrUndefined(shape.text, get('q')),
  });
  const [field, direction] = (get('sort') ?? '').split(':');
  const sort = parsedOrUndefined(registerSortSchema, { field, direction }) ?? DEFAULT_QUERY.sort;
  const pageSize = REGISTER_PAGE_SIZES.find((s) => s === int(get('size'))) ?? DEFAULT_QUERY.pageSize;
  return { tab, filter, sort, pageSize };
}

/** The query string for a view, `?`-prefixed, leaving defaults out so shared links stay short. */
export function formatRegisterQuery(query: RegisterQuery): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | boolean | undefined) => {
    if (value !== undefined) params.set(name, String(value));
  };
  const { filter } = query;
  if (query.tab !== DEFAULT_QUERY.tab) set('tab', query.tab);
  if (filter.status !== undefined && filter.status.length > 0) set('status', filter.status.join(','));
  if (filter.tier !== undefined && filter.tier.length > 0) set('tier', filter.tier.join(','));
  set('asset', filter.asset);
  set('owner', filter.owner);
  set('requester', filter.requester);
  set('approver', filter.approver);
  set('bu', filter.businessUnit);
  if (filter.controlRef !== undefined) set('control', formatControlRef(filter.controlRef));
  set('expiring', filter.expiringWithinDays);
  set('overdue', filter.reviewOverdue);
  set('lacksControls', filter.lacksControls);
  set('q', filter.text);
  if (query.sort.field !== DEFAULT_QUERY.sort.field || query.sort.direction !== DEFAULT_QUERY.sort.direction)
    set('sort', `${query.sort.field}:${query.sort.direction}`);
  if (query.pageSize !== DEFAULT_QUERY.pageSize) set('size', query.pageSize);
  const text = params.toString();
  return text.length === 0 ? '' : `?${text}`;
}

/** `SOC2:CC7.1` as typed in the filter form; undefined when blank, null when it does not parse. */
export function parseControlRef(text: string): RegisterFilter['controlRef'] | null | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) return undefined;
  return controlRef(trimmed) ?? null;
}

export function formatControlRef(ref: ControlReference): string {
  return `${ref.framework}:${ref.id}`;
}

export const CONTROL_REF_HELP = `Framework and control id, such as SOC2:CC7.1 (frameworks: ${FRAMEWORKS.join(', ')})`;
