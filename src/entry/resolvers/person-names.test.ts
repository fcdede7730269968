import fc from 'fast-check';
import { CONTRACT, RESOLVER_KEYS } from '../../contract';
import { SAMPLES } from '../../contract/testing/samples';
import { ok } from '../../domain/shared/result';
import {
  displayNamesOf,
  fillDisplayNames,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_NAMED_PER_ANSWER,
  unnamedAccountIds,
  withDisplayNames,
  type DisplayNameLookup,
} from './person-names';

const unnamed = (accountId: string) => ({ accountId, displayName: null });

/** A look-up that knows everyone as "Name of <id>" and records what it was asked. */
const recordingLookup = () => {
  const asked: (readonly string[])[] = [];
  const lookUp: DisplayNameLookup = (accountIds) => {
    asked.push(accountIds);
    return Promise.resolve(ok(new Map(accountIds.map((id) => [id, `Name of ${id}`]))));
  };
  return { lookUp, asked };
};

const quietly = () => jest.spyOn(console, 'warn').mockImplementation(() => undefined);

/** Every person-shaped object of an answer with its name taken away, as the resolvers build them. */
const withoutNames = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutNames);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 2 && 'accountId' in value && 'displayName' in value) return { ...value, displayName: null };
  return Object.fromEntries(entries.map(([key, item]) => [key, withoutNames(item)]));
};

describe('unnamedAccountIds', () => {
  it('finds people wherever the answer nests them, each once, in the order it names them', () => {
    const answer = {
      rows: [
        { key: 'SEC-1', owner: unnamed('acc-b'), requester: unnamed('acc-a') },
        { key: 'SEC-2', owner: unnamed('acc-b'), chain: { levels: [{ approver: unnamed('acc-c') }, { approver: null }] } },
      ],
      topApprovers: [{ approver: unnamed('acc-a'), approvals: 3 }],
    };
    expect(unnamedAccountIds(answer)).toEqual(['acc-b', 'acc-a', 'acc-c']);
  });

  it.each<[string, unknown]>([
    ['a person already named', { owner: { accountId: 'acc-a', displayName: 'Ana' } }],
    ['an object with more than the two keys of a person', { grant: { accountId: 'acc-a', displayName: null, expiresAt: '2026-01-01' } }],
    ['an account id that is not a string', { owner: { accountId: 7, displayName: null } }],
    ['the register acting as one of its jobs', { actor: unnamed('system:reconcile') }],
    ['the bare system actor', { actor: unnamed('system') }],
    ['scalars', ['acc-a', 3, null, true]],
  ])('leaves out %s', (_label, answer) => {
    expect(unnamedAccountIds(answer)).toEqual([]);
  });
});

describe('withDisplayNames', () => {
  it('names the people it has names for and leaves the others and everything else as they were', () => {
    const answer = { rows: [{ owner: unnamed('acc-a'), requester: unnamed('acc-ghost'), lead: { accountId: 'acc-b', displayName: 'Kept' }, note: 'acc-a' }] };
    expect(withDisplayNames(answer, new Map([['acc-a', 'Ana Ruiz'], ['acc-b', 'Bob']]))).toEqual({
      rows: [{ owner: { accountId: 'acc-a', displayName: 'Ana Ruiz' }, requester: unnamed('acc-ghost'), lead: { accountId: 'acc-b', displayName: 'Kept' }, note: 'acc-a' }],
    });
  });

  it.each([
    ['a blank name', '   ', null],
    ['surrounding spaces', '  Ana Ruiz ', 'Ana Ruiz'],
    ['a name at the limit', 'n'.repeat(MAX_DISPLAY_NAME_LENGTH), 'n'.repeat(MAX_DISPLAY_NAME_LENGTH)],
    ['an overlong name', 'n'.repeat(MAX_DISPLAY_NAME_LENGTH + 40), `${'n'.repeat(MAX_DISPLAY_NAME_LENGTH - 1)}…`],
  ])('fits %s to the contract', (_label, name, shown) => {
    expect(withDisplayNames([unnamed('acc-a')], new Map([['acc-a', name]]))).toEqual([{ accountId: 'acc-a', displayName: shown }]);
  });

  const person = fc.record({ accountId: fc.constantFrom('acc-a', 'acc-b', 'acc-c', 'system:job'), displayName: fc.constantFrom(null, 'Already named') });
  const answer = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 1 }),
      person,
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 6 }), tie('node'), { maxKeys: 4 }),
    ),
  })).node;

  it('changes nothing without names, and never changes its input (property)', () => {
    fc.assert(
      fc.property(answer, (value) => {
        const before = structuredClone(value);
        expect(withDisplayNames(value, new Map())).toEqual(before);
        withDisplayNames(value, new Map([['acc-a', 'Ana']]));
        expect(value).toEqual(before);
      }),
    );
  });

  it('leaves nobody unnamed whose name it was given (property)', () => {
    fc.assert(
      fc.property(answer, (value) => {
        const names = new Map(unnamedAccountIds(value).map((id) => [id, `Name of ${id}`]));
        const named = withDisplayNames(value, names);
        expect(unnamedAccountIds(named)).toEqual([]);
        expect(withDisplayNames(named, names)).toEqual(named);
      }),
    );
  });

  it.each(RESOLVER_KEYS.map((key) => [key]))('keeps the %s sample answer within the contract once its people are named', (key) => {
    const bare = withoutNames(SAMPLES[key].response);
    const names = new Map(unnamedAccountIds(bare).map((id) => [id, `${id} `.repeat(60)]));
    expect(CONTRACT[key].response.safeParse(withDisplayNames(bare, names)).error?.issues).toBeUndefined();
  });
});

describe('displayNamesOf', () => {
  it('keeps the names of active accounts only, so a former colleague is shown by id as Jira marks them apart', () => {
    expect(
      displayNamesOf([
        { accountId: 'acc-a', displayName: 'Ana Ruiz', active: true },
        { accountId: 'acc-gone', displayName: 'Former user', active: false },
        { accountId: 'acc-hidden', displayName: undefined, active: true },
      ]),
    ).toEqual(new Map([['acc-a', 'Ana Ruiz']]));
  });
});

describe('fillDisplayNames', () => {
  it('looks every unnamed person up in one read, duplicates once, and leaves named people alone', async () => {
    const { lookUp, asked } = recordingLookup();
    const answer = { chain: [{ approver: unnamed('acc-b') }, { approver: unnamed('acc-b') }], requester: unnamed('acc-a'), lead: { accountId: 'acc-c', displayName: 'Cara' } };
    expect(await fillDisplayNames('exception/get', answer, lookUp)).toEqual({
      chain: [{ approver: { accountId: 'acc-b', displayName: 'Name of acc-b' } }, { approver: { accountId: 'acc-b', displayName: 'Name of acc-b' } }],
      requester: { accountId: 'acc-a', displayName: 'Name of acc-a' },
      lead: { accountId: 'acc-c', displayName: 'Cara' },
    });
    expect(asked).toEqual([['acc-b', 'acc-a']]);
  });

  it('asks nothing when nobody needs a name', async () => {
    const { lookUp, asked } = recordingLookup();
    const answer = { rows: [], actor: unnamed('system:daily') };
    expect(await fillDisplayNames('register/list', answer, lookUp)).toBe(answer);
    expect(asked).toEqual([]);
  });

  it(`names at most ${MAX_NAMED_PER_ANSWER} people per answer and shows the rest by id`, async () => {
    const { lookUp, asked } = recordingLookup();
    const people = Array.from({ length: MAX_NAMED_PER_ANSWER + 5 }, (_, index) => unnamed(`acc-${index}`));
    const filled = await fillDisplayNames('register/list', people, lookUp);
    expect(asked.map((ids) => ids.length)).toEqual([MAX_NAMED_PER_ANSWER]);
    expect(filled.filter((person) => person.displayName === null).map((person) => person.accountId)).toEqual(
      people.slice(MAX_NAMED_PER_ANSWER).map((person) => person.accountId),
    );
  });

  it.each<[string, DisplayNameLookup, Record<string, unknown>]>([
    ['Jira refuses', () => Promise.resolve({ ok: false, error: { code: 'JIRA.RATE_LIMITED', message: 'busy for acc-a', retryAfterMs: 30_000 } }), { code: 'JIRA.RATE_LIMITED' }],
    ['the read throws', () => Promise.reject(new TypeError('fetch failed for acc-a')), { error: 'TypeError' }],
  ])('answers with the people unnamed when %s, logging why without naming anyone', async (_label, lookUp, logged) => {
    const warn = quietly();
    const answer = { owner: unnamed('acc-a') };
    expect(await fillDisplayNames('register/list', answer, lookUp)).toEqual(answer);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]?.[0]);
    expect(JSON.parse(line)).toEqual({ handler: 'ui-resolver', message: 'display names could not be read', key: 'register/list', accounts: 1, ...logged });
    expect(line).not.toContain('acc-a');
    warn.mockRestore();
  });
});
