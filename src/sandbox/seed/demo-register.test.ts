import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { preflight } from '../../domain/preflight/preflight';
import { CAST } from './cast';
import { FATES, planDemoRegister, type DemoOptions, type DemoStep } from './demo-register';

const OPTIONS: DemoOptions = { size: 200, today: new Date('2026-11-23T09:00:00Z'), historyDays: 120, seed: 11, policy: DEFAULT_POLICY };
const DAY_MS = 86_400_000;

const plan = planDemoRegister(OPTIONS);
const stepsOf = (index: number): DemoStep[] => plan.steps.filter((step) => step.exception === index);
const actionsOf = (index: number): string[] =>
  stepsOf(index).map((step) => (step.action.kind === 'create' ? 'create' : `${step.action.action}${step.action.levelId === undefined ? '' : `:${step.action.levelId}`}`));

describe('the demo register plan', () => {
  it('is the same plan for the same seed, and another for another seed', () => {
    expect(planDemoRegister(OPTIONS)).toEqual(plan);
    expect(planDemoRegister({ ...OPTIONS, seed: 12 }).steps).not.toEqual(plan.steps);
  });

  it('covers every fate and every tier', () => {
    expect(new Set(plan.exceptions.map((exception) => exception.fate))).toEqual(new Set(FATES));
    expect(new Set(plan.exceptions.map((exception) => exception.tier))).toEqual(new Set(['low', 'medium', 'high', 'critical']));
  });

  it('raises only requests that pass intake on the day they are raised, with an expiry the tier allows', () => {
    for (const exception of plan.exceptions) {
      const created = stepsOf(exception.index)[0];
      const checked = preflight(exception.request, DEFAULT_POLICY, new Date(plan.start.getTime() + (created?.atMs ?? 0)));
      expect({ index: exception.index, problems: checked.problems }).toEqual({ index: exception.index, problems: [] });
      expect(checked.tier).toBe(exception.tier);
      expect(exception.request.requestedExpiry! <= checked.maxExpiry!).toBe(true);
    }
  });

  it('puts no asset in more exceptions than the policy lets be active on one asset', () => {
    const uses = new Map<string, number>();
    for (const exception of plan.exceptions) {
      for (const asset of exception.request.assets) uses.set(asset.id, (uses.get(asset.id) ?? 0) + 1);
    }
    expect(Math.max(...uses.values())).toBeLessThanOrEqual(DEFAULT_POLICY.limits.activePerAsset);
  });

  it('has each exception raised by the owner of its asset, and decided by people entitled to each step', () => {
    for (const exception of plan.exceptions) {
      expect(exception.request.requester).toBe(exception.requester.accountId);
      for (const step of stepsOf(exception.index)) {
        if (step.action.kind === 'create' || step.action.action === 'submit' || step.action.action === 'withdraw' || step.action.action === 'remediate') {
          expect(step.actor).toBe(exception.requester.accountId);
        }
        if (step.action.kind === 'transition' && (step.action.action === 'start-review' || step.action.action === 'complete-review')) {
          expect(step.actor).toBe(CAST.ana.accountId);
        }
        if (step.action.kind === 'transition' && step.action.action === 'reject') expect(step.action.comment).toBeDefined();
      }
    }
  });

  it.each([
    ['active', ['create', 'submit', 'start-review', 'complete-review', 'approve:security-lead'], 'activate'],
    ['expired', ['create', 'submit'], 'activate'],
    ['remediated', ['create', 'submit'], 'remediate'],
    ['revoked', ['create', 'submit'], 'revoke'],
    ['draft', ['create'], 'create'],
  ] as const)('takes %s exceptions through %j and ends with %s', (fate, starts, last) => {
    for (const exception of plan.exceptions.filter((candidate) => candidate.fate === fate)) {
      const actions = actionsOf(exception.index);
      expect(actions.slice(0, starts.length)).toEqual(starts);
      expect(actions.at(-1)).toBe(last);
    }
  });

  it('approves every level of the tier in order before activation, the last approver activating', () => {
    for (const exception of plan.exceptions.filter((candidate) => candidate.fate === 'active')) {
      const steps = stepsOf(exception.index);
      const approvals = steps.filter((step) => step.action.kind === 'transition' && step.action.action === 'approve');
      expect(approvals.map((step) => (step.action.kind === 'transition' ? step.action.levelId : ''))).toEqual(DEFAULT_POLICY.tiers[exception.tier].levels);
      expect(new Set(approvals.map((step) => step.actor)).size).toBe(approvals.length);
      expect(steps.at(-1)?.actor).toBe(approvals.at(-1)?.actor);
    }
  });

  it('keeps requests still on their way recent, so none has stalled long enough to be timed out', () => {
    const end = OPTIONS.historyDays * DAY_MS;
    for (const exception of plan.exceptions.filter((candidate) => ['submitted', 'risk-review', 'awaiting-approval'].includes(candidate.fate))) {
      const created = stepsOf(exception.index)[0]?.atMs ?? 0;
      expect((end - created) / DAY_MS).toBeLessThan(DEFAULT_POLICY.approvalTimeouts.escalateAfterDays);
    }
  });

  it('leaves active exceptions in force today and lets expired ones run out before it', () => {
    const today = plan.start.getTime() + OPTIONS.historyDays * DAY_MS;
    for (const exception of plan.exceptions) {
      const expiry = Date.parse(`${exception.request.requestedExpiry ?? ''}T00:00:00Z`);
      if (exception.fate === 'active') expect(expiry).toBeGreaterThan(today);
      if (exception.fate === 'expired') expect(expiry).toBeLessThan(today);
    }
  });

  it('lists its steps in time order, all within the history', () => {
    const times = plan.steps.map((step) => step.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan((OPTIONS.historyDays + 1) * DAY_MS);
  });
});
