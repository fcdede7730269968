import { registerExportPageResponseSchema, registerListRequestSchema, EXPORT_COLUMNS } from './register';
import { SAMPLES } from './testing/samples';

describe('register/list requests', () => {
  it('fills the default sort and page size', () => {
    expect(registerListRequestSchema.parse({})).toEqual({
      filter: {},
      sort: { field: 'expiresOn', direction: 'asc' },
      pageSize: 25,
    });
  });

  it.each([
    ['an unknown filter', { filter: { colour: 'red' } }, 'filter'],
    ['an unknown status', { filter: { status: ['open'] } }, 'filter.status.0'],
    ['a page larger than 100', { pageSize: 101 }, 'pageSize'],
    ['a fractional page size', { pageSize: 2.5 }, 'pageSize'],
    ['a negative expiry window', { filter: { expiringWithinDays: -1 } }, 'filter.expiringWithinDays'],
    ['a blank text search', { filter: { text: '   ' } }, 'filter.text'],
    ['a cursor with characters no cursor has', { cursor: 'abc/../def' }, 'cursor'],
    ['an unknown sort field', { sort: { field: 'title', direction: 'asc' } }, 'sort.field'],
    ['an unknown framework', { filter: { controlRef: { framework: 'PCI', id: '1.1' } } }, 'filter.controlRef.framework'],
  ])('refuses %s', (_what, request, path) => {
    const parsed = registerListRequestSchema.safeParse(request);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe('register/export-page answers', () => {
  const page = SAMPLES['register/export-page'].response;

  it('refuses columns in another order', () => {
    const columns = [...EXPORT_COLUMNS].reverse();
    expect(registerExportPageResponseSchema.safeParse({ ...page, columns }).success).toBe(false);
  });

  it('refuses a row with a missing cell', () => {
    const rows = [page.rows[0]?.slice(1) ?? []];
    expect(registerExportPageResponseSchema.safeParse({ ...page, rows }).success).toBe(false);
  });
});
