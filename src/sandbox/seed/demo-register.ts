import type { CompensatingControl, ControlStatus, ExceptionRequest, Status, Tier } from '../../domain/exception/security-exception';
import { exceptionRequestSchema } from '../../domain/exception/security-exception';
import type { LifecycleAction } from '../../domain/lifecycle/lifecycle-types';
import type { Policy } from '../../domain/policy/policy-config';
import { preflight } from '../../domain/preflight/preflight';
import { addCalendarDays, calendarDayOf } from '../../domain/shared/dates';
import { CAST, REQUESTERS, type Person } from './cast';
import { BUSINESS_UNIT_ASSETS, CONTROLS, SCENARIOS, type AssetTemplate, type Scenario } from './demo-catalogue';

/**
 * The plan of a demo register: which exceptions people raise over the months before "today", and what happens to each
 * (approved and active, expired on its own, remediated, revoked, rejected, withdrawn, or still on its way). The plan is
 * a pure function of its seed, so a sandbox started twice with the same options holds the same register; the seeding
 * driver then performs it through Jira as the people named, so the app's validators and projection see every step.
 */

export const FATES = [
  'active',
  'expired',
  'remediated',
  'revoked',
  'rejected',
  'withdrawn',
  'awaiting-approval',
  'risk-review',
  'submitted',
  'draft',
] as const satisfies readonly Status[];
export type Fate = (typeof FATES)[number];

const FATE_WEIGHTS: Readonly<Record<Fate, number>> = {
  active: 38,
  expired: 12,
  remediated: 10,
  revoked: 4,
  rejected: 8,
  withdrawn: 5,
  'awaiting-approval': 9,
  'risk-review': 4,
  submitted: 4,
  draft: 6,
};

export type DemoStep = {
  /** When it happens, in ms after the plan's start. */
  readonly atMs: number;
  readonly exception: number;
  readonly actor: string;
  readonly action: { readonly kind: 'create' } | { readonly kind: 'transition'; readonly action: LifecycleAction; readonly levelId?: string; readonly comment?: string };
};

export type DemoException = {
  readonly index: number;
  readonly summary: string;
  readonly request: ExceptionRequest;
  readonly requester: Person;
  readonly tier: Tier;
  readonly fate: Fate;
};

export type DemoRegister = {
  readonly start: Date;
  readonly days: number;
  readonly exceptions: readonly DemoException[];
  /** In time order. */
  readonly steps: readonly DemoStep[];
};

export type DemoOptions = {
  readonly size: number;
  /** The day the plan ends on ("today" when the sandbox opens). */
  readonly today: Date;
  /** How many days of history lead up to today. */
  readonly historyDays: number;
  readonly seed: number;
  readonly policy: Policy;
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** People work between 09:00 and 17:00 UTC; the daily jobs run earlier, at 06:00. */
const WORKDAY_START_MS = 9 * HOUR_MS;
const WORKDAY_MS = 8 * HOUR_MS;
/** Each asset is in at most this many exceptions, so no asset can pass the policy's per-asset limit. */
const USES_PER_ASSET = 3;

/** mulberry32: small, fast and good enough to pick demo data reproducibly. */
const randomSource = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('picked from an empty list');
    return item;
  };
  const weighted = <T extends string>(weights: Readonly<Record<T, number>>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (entries[entries.length - 1] as [T, number])[0];
  };
  return { next, int, pick, weighted };
};
type Random = ReturnType<typeof randomSource>;

/**
 * Asset instances: the catalogue's assets, and numbered copies of them once an asset is in USES_PER_ASSET exceptions,
 * so no asset can pass the policy's per-asset limit however large the register.
 */
const assetAllocator = () => {
  const taken = new Map<string, number>();
  return (stem: AssetTemplate): AssetTemplate => {
    const count = taken.get(stem.id) ?? 0;
    taken.set(stem.id, count + 1);
    const replica = Math.floor(count / USES_PER_ASSET) + 1;
    return replica === 1 ? stem : { ...stem, id: `${stem.id}-${replica}`, name: `${stem.name} ${replica}` };
  };
};

const ASSETS = Object.entries(BUSINESS_UNIT_ASSETS).flatMap(([businessUnit, assets]) => assets.map((asset) => ({ businessUnit, asset })));

/** The catalogue asset a scenario arises on, with the requester who owns its business unit. */
const placeScenario = (scenario: Scenario, random: Random): { stem: AssetTemplate; requester: Person } => {
  const id = random.pick(scenario.assets);
  const placed = ASSETS.find((candidate) => candidate.asset.id === id);
  const requester = REQUESTERS.find((person) => person.businessUnit === placed?.businessUnit);
  if (placed === undefined || requester === undefined) throw new Error(`scenario "${scenario.title}" names asset ${id}, which no requester owns`);
  return { stem: placed.asset, requester };
};

/** One to three controls; the first is in place, because from medium up the policy wants an implemented one. */
const controlsFor = (random: Random): CompensatingControl[] => {
  const count = random.int(1, 3);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(random.int(0, CONTROLS.length - 1));
  return [...chosen].map((at, index) => {
    const control = CONTROLS[at];
    if (control === undefined) throw new Error('control index out of range');
    const status: ControlStatus = index === 0 ? random.weighted({ implemented: 2, verified: 1 }) : random.weighted({ planned: 1, implemented: 5, verified: 3 });
    return { ...control, id: `ctl-${index + 1}`, status, evidence: [...control.evidence] };
  });
};

const requestOf = (
  scenario: Scenario,
  requester: Person,
  asset: AssetTemplate,
  controls: readonly CompensatingControl[],
  index: number,
): ExceptionRequest =>
  exceptionRequestSchema.parse({
    kind: scenario.kind,
    title: `${scenario.title}: ${asset.name}`,
    requester: requester.accountId,
    assetOwner: requester.accountId,
    businessUnit: requester.businessUnit,
    assets: [{ ...asset, retired: false }],
    controlReferences: scenario.references,
    findings: scenario.cves.map((cve) => ({
      scannerId: `tenable-${100_000 + index}`,
      cve,
      ...(scenario.risk.method === 'cvss' ? { cvssVector: scenario.risk.vector } : {}),
      title: scenario.title,
      knownExploited: scenario.knownExploited,
    })),
    justification: scenario.justification,
    businessImpact: scenario.businessImpact,
    compensatingControls: controls,
    threatVectors: scenario.threats,
    riskInputs: scenario.risk,
    remediationPlan: { summary: scenario.remediation, ticket: `OPS-${1000 + index}` },
  });

/** The approvers of a tier's levels, in order; the security-lead level alternates between the two leads. */
const approversOf = (policy: Policy, tier: Tier, random: Random): { levelId: string; approver: Person }[] =>
  policy.tiers[tier].levels.map((levelId) => {
    const approver =
      levelId === 'security-lead'
        ? random.pick([CAST.sam, CAST.lena])
        : levelId === 'risk-owner'
          ? CAST.raj
          : levelId === 'compliance-lead'
            ? CAST.grace
            : CAST.victor;
    return { levelId, approver };
  });

const REJECTION_REASONS = [
  'Compensating controls are not evidenced; attach the change records and resubmit.',
  'The remediation date is unrealistic for this risk; agree a nearer date with the platform team.',
  'This should be handled as a change request, not an exception.',
];

/** One exception's steps from creation to its fate, starting on day `created`. */
const stepsOf = (
  exception: number,
  fate: Fate,
  created: number,
  endDay: number,
  expiryDay: number,
  requester: Person,
  approvers: readonly { levelId: string; approver: Person }[],
  random: Random,
): DemoStep[] => {
  const steps: DemoStep[] = [];
  let day = created;
  let minute = random.int(0, WORKDAY_MS / 60_000 - 120);
  const at = (): number => day * DAY_MS + WORKDAY_START_MS + minute * 60_000;
  const add = (actor: Person, action: DemoStep['action']): void => {
    steps.push({ atMs: at(), exception, actor: actor.accountId, action });
    minute += random.int(3, 20);
  };
  /** The next step a few days on, or later the same day: never before the previous one. */
  const later = (days: number): void => {
    const next = Math.min(day + days, endDay);
    if (next === day) return;
    day = next;
    minute = random.int(0, WORKDAY_MS / 60_000 - 120);
  };
  const transition = (actor: Person, action: LifecycleAction, extra: { levelId?: string; comment?: string } = {}): void =>
    add(actor, { kind: 'transition', action, ...extra });

  add(requester, { kind: 'create' });
  if (fate === 'draft') return steps;
  if (fate === 'withdrawn' && random.next() < 0.4) {
    later(random.int(1, 3));
    transition(requester, 'withdraw');
    return steps;
  }
  later(random.int(0, 1));
  transition(requester, 'submit');
  if (fate === 'submitted') return steps;
  if (fate === 'withdrawn') {
    later(1);
    transition(requester, 'withdraw');
    return steps;
  }
  later(1);
  transition(CAST.ana, 'start-review');
  if (fate === 'risk-review') return steps;
  if (fate === 'rejected' && random.next() < 0.3) {
    transition(CAST.ana, 'reject', { comment: random.pick(REJECTION_REASONS) });
    return steps;
  }
  later(random.int(0, 1));
  transition(CAST.ana, 'complete-review');
  const approving = fate === 'awaiting-approval' ? approvers.slice(0, random.int(0, approvers.length - 1)) : approvers;
  const rejectAt = fate === 'rejected' ? random.int(0, approvers.length - 1) : -1;
  for (const [level, { levelId, approver }] of approving.entries()) {
    later(random.int(0, 1));
    if (level === rejectAt) {
      transition(approver, 'reject', { comment: random.pick(REJECTION_REASONS) });
      return steps;
    }
    transition(approver, 'approve', { levelId });
  }
  if (fate === 'awaiting-approval') return steps;
  const last = approvers[approvers.length - 1];
  if (last === undefined) throw new Error('a tier without approval levels');
  transition(last.approver, 'activate');
  if (fate === 'remediated' || fate === 'revoked') {
    const until = Math.min(expiryDay - 1, endDay);
    later(random.int(1, Math.max(1, until - day)));
    if (fate === 'remediated') transition(requester, 'remediate');
    else transition(random.pick([CAST.sam, CAST.lena]), 'revoke', { comment: 'Exploitation seen in the wild against this asset class; patch now.' });
  }
  return steps;
};

/** How many days after creation an exception can take to become active, at most. */
const DAYS_TO_ACTIVE = 9;

/**
 * When an exception is raised and how long it asks to run, so that its fate fits the history: requests on their way
 * are recent (none has stalled long enough to be timed out), active ones are still in force today, expired ones ran
 * out before it, and the others were decided before today.
 */
const placeInTime = (fate: Fate, maxDays: number, endDay: number, random: Random): { created: number; duration: number } => {
  if (fate === 'expired') {
    const duration = random.int(DAYS_TO_ACTIVE + 2, Math.max(DAYS_TO_ACTIVE + 2, Math.min(maxDays - 1, endDay - 2)));
    return { duration, created: random.int(0, Math.max(0, endDay - duration - 1)) };
  }
  const duration = random.int(Math.ceil(maxDays / 2), maxDays - 1);
  switch (fate) {
    case 'draft':
    case 'submitted':
    case 'risk-review':
    case 'awaiting-approval':
      return { duration, created: random.int(Math.max(0, endDay - 5), endDay - 1) };
    case 'active':
      return { duration, created: random.int(Math.max(0, endDay - duration + 1), Math.max(0, endDay - DAYS_TO_ACTIVE)) };
    default:
      return { duration, created: random.int(0, Math.max(0, endDay - DAYS_TO_ACTIVE - 2)) };
  }
};

export const planDemoRegister = (options: DemoOptions): DemoRegister => {
  const random = randomSource(options.seed);
  const allocate = assetAllocator();
  const endDay = options.historyDays;
  const todayStart = Date.UTC(options.today.getUTCFullYear(), options.today.getUTCMonth(), options.today.getUTCDate());
  const start = new Date(todayStart - endDay * DAY_MS);
  const dayOf = (day: number): Date => new Date(start.getTime() + day * DAY_MS + WORKDAY_START_MS);

  const exceptions: DemoException[] = [];
  const steps: DemoStep[] = [];
  for (let index = 0; index < options.size; index += 1) {
    const fate = random.weighted(FATE_WEIGHTS);
    const scenario = random.pick(SCENARIOS);
    const { stem, requester } = placeScenario(scenario, random);
    const asset = allocate(stem);
    // Rate the request without an expiry first: the tier decides how long it may run.
    const draft = requestOf(scenario, requester, asset, controlsFor(random), index);
    const rated = preflight(draft, options.policy, start);
    if (rated.tier === null) throw new Error(`demo scenario "${scenario.title}" cannot be rated: ${rated.problems.map((p) => p.message).join('; ')}`);
    const tier = rated.tier;
    const { created, duration } = placeInTime(fate, options.policy.tiers[tier].maxDurationDays, endDay, random);
    const createdOn = calendarDayOf(dayOf(created), options.policy.timeZone);
    const expiryDay = created + duration;
    const request: ExceptionRequest = {
      ...draft,
      requestedExpiry: addCalendarDays(createdOn, duration),
      remediationPlan: { summary: scenario.remediation, targetDate: addCalendarDays(createdOn, duration - 1), ticket: `OPS-${1000 + index}` },
    };
    const checked = preflight(request, options.policy, dayOf(created));
    if (!checked.ready) {
      throw new Error(`demo exception ${index} would not pass intake: ${checked.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`);
    }
    exceptions.push({ index, summary: request.title ?? scenario.title, request, requester, tier, fate });
    steps.push(...stepsOf(index, fate, created, endDay, expiryDay, requester, approversOf(options.policy, tier, random), random));
  }
  steps.sort((a, b) => a.atMs - b.atMs || a.exception - b.exception);
  return { start, days: endDay, exceptions, steps };
};
