import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { approvalSchema, type Approval } from '../approval/approval';
import { STATUSES, TIERS, type SecurityException } from '../exception/security-exception';
import { DEFAULT_POLICY } from '../policy/default-policy';
import type { Policy } from '../policy/policy-config';
import { addCalendarDays, calendarDayOf, daysBetween, quarterOf } from '../shared/dates';
import { anException } from '../testing/builders';
import { STALL_STAGES, type DueAction } from './due-action';
import type { PendingStep } from './due-stalled-approvals';
import { listDueActions, type ScheduleInput } from './index';

// Zones with both DST directions, a 30-minute DST shift (Lord Howe) and no DST at all.
const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'] as const;
const MINUTE_MS = 60_000;
const ACCOUNTS = ['acc-requester', 'acc-owner', 'acc-lead', 'acc-risk', 'acc-ciso'] as const;

const policyArb: fc.Arbitrary<Policy> = fc
  .record({ timeZone: fc.constantFrom(...ZONES), expiresAnyway: fc.boolean() })
  .map(({ timeZone, expiresAnyway }) => ({ ...DEFAULT_POLICY, timeZone, renewal: { originalExpiresWhileRenewalPending: expiresAnyway } }));

// 2026-06 to 2028-12: two years of DST changes and the 2028 leap day.
const instantArb = fc
  .integer({ min: Date.parse('2026-06-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString());
const dayArb = fc.integer({ min: 0, max: 940 }).map((n) => addCalendarDays('2026-06-01', n));

const approvalArb: fc.Arbitrary<Approval> = fc
  .record({
    approver: fc.constantFrom(...ACCOUNTS),
    levelId: fc.constantFrom(...DEFAULT_POLICY.levels.map((l) => l.id)),
    decision: fc.constantFrom('approved', 'rejected'),
    voided: fc.boolean(),
  })
  .map(({ voided, ...rest }) =>
    approvalSchema.parse({
      ...rest,
      contentHash: 'b'.repeat(64),
      decidedAt: '2026-06-01T00:00:00Z',
      ...(voided ? { voidedAt: '2026-06-02T00:00:00Z' } : {}),
    }),
  );

const exceptionArb = (key: string): fc.Arbitrary<SecurityException> =>
  fc
    .record({
      status: fc.constantFrom(...STATUSES),
      tier: fc.constantFrom(...TIERS),
      expiresOn: fc.option(dayArb, { nil: undefined }),
      activatedAt: fc.option(instantArb, { nil: undefined }),
      assetOwner: fc.constantFrom('acc-owner', 'acc-requester'),
      renewalOf: fc.option(fc.constantFrom('SEC-1', 'SEC-2', 'SEC-3'), { nil: undefined }),
    })
    .map((fields) => anException({ key, ...fields }));

const scenarioArb: fc.Arbitrary<ScheduleInput> = fc
  .uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 10 })
  .chain((numbers) => {
    const keys = numbers.map((n) => `SEC-${n}`);
    const perIssue = <T>(arb: fc.Arbitrary<T>) => fc.tuple(...keys.map(() => fc.option(arb, { nil: undefined })));
    return fc.record({
      exceptions: fc.tuple(...keys.map(exceptionArb)),
      approvals: perIssue(fc.array(approvalArb, { maxLength: 4 })),
      pending: perIssue(fc.record({ levelId: fc.constantFrom(...DEFAULT_POLICY.levels.map((l) => l.id)), waitingSince: instantArb })),
      attested: perIssue(dayArb.map(quarterOf)),
      now: instantArb,
      policy: policyArb,
    }).map(({ exceptions, approvals, pending, attested, now, policy }) => ({
      exceptions,
      approvalsByIssue: byIssue(keys, approvals),
      pendingByIssue: byIssue<PendingStep>(keys, pending),
      attestations: keys.flatMap((issueKey, i) => {
        const quarter = attested[i];
        return quarter === undefined ? [] : [{ issueKey, quarter }];
      }),
      now,
      policy,
    }));
  });

function byIssue<T>(keys: readonly string[], values: readonly (T | undefined)[]): Map<string, T> {
  const map = new Map<string, T>();
  keys.forEach((key, i) => {
    const value = values[i];
    if (value !== undefined) map.set(key, value);
  });
  return map;
}

const dayIn = (instant: string, timeZone: string) => calendarDayOf(new Date(instant), timeZone);

describe('listDueActions properties', () => {
  it('(a) is deterministic, independent of input order, and has nothing new to do once its actions are in the ledger', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const actions = listDueActions(input);
        expect(listDueActions(input)).toEqual(actions);
        expect(listDueActions({ ...input, exceptions: [...input.exceptions].reverse() })).toEqual(actions);
        const keys = actions.map((a) => a.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(listDueActions({ ...input, alreadyDone: new Set(keys) })).toEqual([]);
        const half = new Set(keys.filter((_, i) => i % 2 === 0));
        expect(listDueActions({ ...input, alreadyDone: half })).toEqual(actions.filter((a) => !half.has(a.key)));
      }),
    );
  });

  describe('(b) nothing due is missed over an exception life', () => {
    type Run = { now: string; actions: DueAction[]; ledgerBefore: ReadonlySet<string> };

    /** Runs the schedule like the daily job: ledger carried between runs, expiry applied when asked. */
    function simulate(
      exception: SecurityException,
      runs: readonly string[],
      policy: Policy,
      applyExpiry: boolean,
      approvals: readonly Approval[],
    ): Run[] {
      const ledger = new Set<string>();
      let current = exception;
      return runs.map((now) => {
        const ledgerBefore = new Set(ledger);
        const actions = listDueActions({
          exceptions: [current],
          approvalsByIssue: new Map([[current.key, approvals]]),
          attestations: [],
          pendingByIssue: new Map(),
          now,
          policy,
          alreadyDone: ledger,
        });
        actions.forEach((a) => ledger.add(a.key));
        if (applyExpiry && actions.some((a) => a.type === 'expire')) current = { ...current, status: 'expired' };
        return { now, actions, ledgerBefore };
      });
    }

    const lifeArb = fc.record({
      timeZone: fc.constantFrom(...ZONES),
      tier: fc.constantFrom(...TIERS),
      expiresOn: dayArb,
      assetOwner: fc.constantFrom('acc-owner', 'acc-requester'),
      approvals: fc.array(approvalArb, { maxLength: 3 }),
      applyExpiry: fc.boolean(),
      // Minutes around noon UTC of the last day in force: from 50 days before to 5 days after.
      offsets: fc.uniqueArray(fc.integer({ min: -50 * 24 * 60, max: 5 * 24 * 60 }), { minLength: 1, maxLength: 60 }),
    });

    it('emits each crossed threshold, never a key twice, and exactly one expiry once the last day has ended', () => {
      fc.assert(
        fc.property(lifeArb, ({ timeZone, tier, expiresOn, assetOwner, approvals, applyExpiry, offsets }) => {
          const policy = { ...DEFAULT_POLICY, timeZone };
          const noon = Date.parse(`${expiresOn}T12:00:00Z`);
          const runs = [...offsets].sort((a, b) => a - b).map((m) => new Date(noon + m * MINUTE_MS).toISOString());
          const exception = anException({ key: 'SEC-1', tier, expiresOn, assetOwner });
          const roles = assetOwner === 'acc-requester' ? ['requester'] : ['requester', 'asset-owner'];
          const history = simulate(exception, runs, policy, applyExpiry, approvals);

          for (const { now, actions, ledgerBefore } of history) {
            const daysLeft = daysBetween(dayIn(now, timeZone), expiresOn);
            const crossed = policy.tiers[tier].reminderDays.filter((threshold) => daysLeft >= 0 && daysLeft <= threshold);
            if (crossed.length === 0) continue;
            const threshold = Math.min(...crossed);
            const keys = actions.map((a) => a.key);
            for (const role of roles) {
              const key = `remind:SEC-1:${expiresOn}:${threshold}:${role}`;
              expect(keys.includes(key) || ledgerBefore.has(key)).toBe(true);
            }
          }
          const emitted = history.flatMap((run) => run.actions.map((a) => a.key));
          expect(new Set(emitted).size).toBe(emitted.length);
          const expiries = emitted.filter((key) => key.startsWith('expire:'));
          const runAfterLastDay = runs.some((now) => daysBetween(expiresOn, dayIn(now, timeZone)) > 0);
          expect(expiries).toEqual(runAfterLastDay ? [`expire:SEC-1:${expiresOn}`] : []);
        }),
      );
    });

    it('with one run every local day, reminds at every threshold exactly once, on the day it is reached', () => {
      fc.assert(
        fc.property(
          fc.record({
            timeZone: fc.constantFrom(...ZONES),
            tier: fc.constantFrom(...TIERS),
            expiresOn: dayArb,
            minutesIntoDay: fc.array(fc.integer({ min: 0, max: 24 * 60 - 1 }), { minLength: 44, maxLength: 44 }),
          }),
          ({ timeZone, tier, expiresOn, minutesIntoDay }) => {
            const policy = { ...DEFAULT_POLICY, timeZone };
            const runs = minutesIntoDay.map((minutes, i) => {
              const [y, m, d] = addCalendarDays(expiresOn, i - 41).split('-').map(Number) as [number, number, number];
              return new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, timeZone).toISOString();
            });
            const history = simulate(anException({ key: 'SEC-1', tier, expiresOn }), runs, policy, true, []);
            const requesterReminders = history.flatMap(({ now, actions }) =>
              actions.flatMap((a) =>
                a.type === 'remind-expiry' && a.recipient === 'requester' ? [[a.threshold, daysBetween(dayIn(now, timeZone), expiresOn)]] : [],
              ),
            );
            expect(requesterReminders).toEqual(policy.tiers[tier].reminderDays.map((threshold) => [threshold, threshold]));
            expect(history.flatMap((run) => run.actions).filter((a) => a.type === 'expire')).toHaveLength(1);
          },
        ),
      );
    });
  });

  it('(c) stalled stages fire at most once each, in order, and none that is due is missed', () => {
    const { remindAfterDays, escalateAfterDays, autoRejectAfterDays } = DEFAULT_POLICY.approvalTimeouts;
    fc.assert(
      fc.property(
        fc.record({
          timeZone: fc.constantFrom(...ZONES),
          waitingSince: instantArb,
          levelId: fc.constantFrom(...DEFAULT_POLICY.levels.map((l) => l.id)),
          applyRejection: fc.boolean(),
          offsets: fc.uniqueArray(fc.integer({ min: -2 * 24 * 60, max: 20 * 24 * 60 }), { minLength: 1, maxLength: 40 }),
        }),
        ({ timeZone, waitingSince, levelId, applyRejection, offsets }) => {
          const policy = { ...DEFAULT_POLICY, timeZone };
          const start = Date.parse(waitingSince);
          const runs = [...offsets].sort((a, b) => a - b).map((m) => new Date(start + m * MINUTE_MS).toISOString());
          const waitingDays = (now: string) => daysBetween(dayIn(waitingSince, timeZone), dayIn(now, timeZone));
          let exception = anException({ key: 'SEC-1', status: 'awaiting-approval', expiresOn: undefined, activatedAt: undefined });
          const ledger = new Set<string>();
          const emitted: { stage: string; waitingDays: number }[] = [];
          for (const now of runs) {
            const actions = listDueActions({
              exceptions: [exception],
              attestations: [],
              pendingByIssue: new Map([['SEC-1', { levelId, waitingSince }]]),
              now,
              policy,
              alreadyDone: ledger,
            });
            for (const action of actions) {
              if (action.type !== 'stalled-approval') throw new Error(`unexpected ${action.key}`);
              ledger.add(action.key);
              emitted.push({ stage: action.stage, waitingDays: waitingDays(now) });
            }
            const timedOut = actions.some((a) => a.type === 'stalled-approval' && a.stage === 'timeout');
            if (applyRejection && timedOut) exception = { ...exception, status: 'rejected' };
          }

          const stages = emitted.map((e) => e.stage);
          expect(new Set(stages).size).toBe(stages.length);
          const ranks = stages.map((s) => STALL_STAGES.indexOf(s as (typeof STALL_STAGES)[number]));
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          expect(emitted.filter((e) => e.stage !== 'timeout').every((e) => e.waitingDays < autoRejectAfterDays)).toBe(true);

          const ranAt = (from: number, to: number) => runs.some((now) => waitingDays(now) >= from && waitingDays(now) < to);
          expect(stages.includes('remind')).toBe(ranAt(remindAfterDays, autoRejectAfterDays));
          expect(stages.includes('escalate')).toBe(ranAt(escalateAfterDays, autoRejectAfterDays));
          expect(stages.includes('timeout')).toBe(ranAt(autoRejectAfterDays, Infinity));
        },
      ),
    );
  });
});
