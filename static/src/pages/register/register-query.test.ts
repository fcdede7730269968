import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REGISTER_SORT_FIELDS, STATUSES, TIERS, FRAMEWORKS, type RegisterFilter } from '@contract';
import { DEFAULT_QUERY, REGISTER_TABS, formatRegisterQuery, parseRegisterQuery, type RegisterQuery } from './register-query';

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 :,&=?#%+.-]{0,30}[A-Za-z0-9]$/);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const filter: fc.Arbitrary<RegisterFilter> = fc
  .record({
    status: maybe(fc.uniqueArray(fc.constantFrom(...STATUSES), { minLength: 1 })),
    tier: maybe(fc.uniqueArray(fc.constantFrom(...TIERS), { minLength: 1 })),
    asset: maybe(word),
    owner: maybe(word),
    requester: maybe(word),
    approver: maybe(word),
    businessUnit: maybe(word),
    controlRef: maybe(fc.record({ framework: fc.constantFrom(...FRAMEWORKS), id: word })),
    expiringWithinDays: maybe(fc.integer({ min: 0, max: 3650 })),
    reviewOverdue: maybe(fc.boolean()),
    lacksControls: maybe(fc.boolean()),
    text: maybe(word),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as RegisterFilter);

const query: fc.Arbitrary<RegisterQuery> = fc.record({
  tab: fc.constantFrom(...REGISTER_TABS),
  filter,
  sort: fc.record({ field: fc.constantFrom(...REGISTER_SORT_FIELDS), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
  pageSize: fc.constantFrom(25 as const, 50 as const, 100 as const),
});

describe('the register view in the URL', () => {
  it('reads back every view it writes', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(parseRegisterQuery(formatRegisterQuery(q))).toEqual(q);
      }),
    );
  });

  it('never fails on a hand-edited query, and keeps only what parses', () => {
    fc.assert(
      fc.property(fc.string(), (search) => {
        const parsed = parseRegisterQuery(search);
        expect(REGISTER_TABS).toContain(parsed.tab);
      }),
    );
    expect(parseRegisterQuery('?status=active,bogus&tier=high&expiring=-4&size=7&sort=title:up&control=PCI:1')).toEqual({
      ...DEFAULT_QUERY,
      filter: { status: ['active'], tier: ['high'] },
    });
  });

  it('writes nothing for the default view', () => {
    expect(formatRegisterQuery(DEFAULT_QUERY)).toBe('');
  });

  it('keeps a control reference whose id contains a colon', () => {
    expect(parseRegisterQuery('?control=internal:SEC:7').filter.controlRef).toEqual({ framework: 'internal', id: 'SEC:7' });
  });
});
