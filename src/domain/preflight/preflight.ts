import {
  type ExceptionRequest,
  type RenewalChain,
  type Tier,
} from '../exception/security-exception';
import { checkConcurrencyLimits, latestAllowedExpiry, requiredLevels, type ActiveExceptionCounts } from '../approval';
import { controlsRequired, type Policy } from '../policy/policy-config';
import { assessRisk, scoreCvssVector, type RiskAssessment } from '../risk';
import { addCalendarDays, calendarDayOf, daysBetween, type IsoDate } from '../shared/dates';

/**
 * Pre-flight: everything a requester needs to fix a request before submitting it, computed in one pass so
 * every problem is listed at once. The Submit validator runs the same function, so what the requester sees
 * here is exactly what the workflow will enforce.
 */

export type PreflightProblem = { readonly path: string; readonly code: string; readonly message: string };

export type RequiredApprover = { readonly levelId: string; readonly name: string; readonly group: string };

export type PreflightResult = {
  /** True when nothing is missing or invalid: the request may be submitted. */
  readonly ready: boolean;
  readonly tier: Tier | null;
  readonly risk: RiskAssessment | null;
  readonly requiredApprovers: readonly RequiredApprover[];
  /** Latest expiry the tier (and, for a renewal, the chain's remaining cumulative allowance) permits. */
  readonly maxExpiry: IsoDate | null;
  readonly notices: readonly string[];
  readonly problems: readonly PreflightProblem[];
};

export type PreflightContext = {
  /** Active exceptions already counted against the limits, keyed by asset id, and for the request's business unit. */
  readonly activeCounts?: ActiveExceptionCounts;
  /** For a renewal: where the chain stands before this renewal. */
  readonly renewal?: RenewalChain;
};

const MIN_JUSTIFICATION_CHARS = 40;

export function preflight(request: ExceptionRequest, policy: Policy, now: Date, context: PreflightContext = {}): PreflightResult {
  const today = calendarDayOf(now, policy.timeZone);
  const problems: PreflightProblem[] = [
    ...checkKind(request, policy),
    ...checkRequiredText(request),
    ...checkAssets(request),
    ...checkFindings(request),
    ...checkReferences(request),
    ...checkControlsEvidence(request),
    ...checkRemediation(request),
    ...checkConcurrency(request, policy, context),
  ];
  const riskOutcome = computeRisk(request, policy);
  problems.push(...riskOutcome.problems);
  const tier = riskOutcome.risk?.tier ?? null;
  const notices: string[] = [];
  let requiredApprovers: RequiredApprover[] = [];
  let maxExpiry: IsoDate | null = null;
  if (tier !== null) {
    const renewal = renewalStanding(request, tier, policy, context.renewal, today);
    requiredApprovers = renewal.levels.map((level) => ({ levelId: level.id, name: level.name, group: level.group }));
    if (renewal.notice !== null) notices.push(renewal.notice);
    maxExpiry = latestExpiry(today, tier, policy, renewal.remainingDays);
    problems.push(...checkExpiry(request, today, maxExpiry, tier, policy), ...checkControlsForTier(request, tier, policy));
  } else {
    problems.push(...checkExpiryPresent(request, today));
  }
  return { ready: problems.length === 0, tier, risk: riskOutcome.risk, requiredApprovers, maxExpiry, notices, problems };
}

const problem = (path: string, code: string, message: string): PreflightProblem => ({ path, code, message });

function checkKind(request: ExceptionRequest, policy: Policy): PreflightProblem[] {
  if (request.kind === undefined) return [problem('kind', 'PREFLIGHT.KIND_MISSING', 'Choose what kind of exception this is.')];
  const kindPolicy = policy.kinds[request.kind];
  if (kindPolicy.eligible) return [];
  return [
    problem(
      'kind',
      'PREFLIGHT.KIND_NOT_ELIGIBLE',
      `A ${request.kind.replace(/-/g, ' ')} is not handled as a security exception. ${kindPolicy.redirect ?? ''}`.trim(),
    ),
  ];
}

function checkRequiredText(request: ExceptionRequest): PreflightProblem[] {
  const found: PreflightProblem[] = [];
  const required: [keyof ExceptionRequest, string][] = [
    ['title', 'Give the exception a short title.'],
    ['requester', 'The requester is not known.'],
    ['assetOwner', 'Name the asset owner accountable for the risk.'],
    ['businessUnit', 'Name the business unit that owns the asset.'],
    ['businessImpact', 'Describe the business impact of remediating now (why the exception is needed).'],
  ];
  for (const [field, message] of required) {
    const value = request[field];
    if (value === undefined || (typeof value === 'string' && value.length === 0))
      found.push(problem(field, 'PREFLIGHT.FIELD_MISSING', message));
  }
  const justification = request.justification ?? '';
  if (justification.length < MIN_JUSTIFICATION_CHARS)
    found.push(
      problem(
        'justification',
        'PREFLIGHT.JUSTIFICATION_TOO_SHORT',
        `Write a technical justification of at least ${MIN_JUSTIFICATION_CHARS} characters (now ${justification.length}).`,
      ),
    );
  if (request.threatVectors.length === 0)
    found.push(problem('threatVectors', 'PREFLIGHT.FIELD_MISSING', 'Map the exception to at least one threat vector so monitoring can watch for it.'));
  return found;
}

function checkAssets(request: ExceptionRequest): PreflightProblem[] {
  if (request.assets.length === 0) return [problem('assets', 'PREFLIGHT.FIELD_MISSING', 'List at least one affected asset.')];
  return request.assets.flatMap((asset, i) =>
    asset.retired
      ? [problem(`assets.${i}`, 'PREFLIGHT.ASSET_RETIRED', `Asset "${asset.name}" is retired: decommissioned systems need no exception; remove it.`)]
      : [],
  );
}

function checkFindings(request: ExceptionRequest): PreflightProblem[] {
  const found: PreflightProblem[] = [];
  if (request.kind === 'vulnerability-sla' && request.findings.length === 0)
    found.push(problem('findings', 'PREFLIGHT.FIELD_MISSING', 'A vulnerability SLA exception must list the finding(s) it covers.'));
  request.findings.forEach((finding, i) => {
    if (finding.cvssVector === undefined) return;
    const scored = scoreCvssVector(finding.cvssVector);
    if (!scored.ok) found.push(problem(`findings.${i}.cvssVector`, scored.error.code, scored.error.message));
  });
  return found;
}

function checkReferences(request: ExceptionRequest): PreflightProblem[] {
  if (request.controlReferences.length > 0) return [];
  const message =
    request.kind === 'policy'
      ? 'A policy exception must reference the policy or control it departs from.'
      : 'Reference at least one control (for example SOC2 CC7.1 or ISO27001 A.8.8) so auditors can map the exception.';
  return [problem('controlReferences', 'PREFLIGHT.FIELD_MISSING', message)];
}

function checkControlsEvidence(request: ExceptionRequest): PreflightProblem[] {
  return request.compensatingControls.flatMap((control, i) =>
    control.status === 'verified' && control.evidence.length === 0
      ? [problem(`compensatingControls.${i}.evidence`, 'PREFLIGHT.EVIDENCE_MISSING', `Control "${control.description}" is marked verified: attach the evidence of verification.`)]
      : [],
  );
}

function checkRemediation(request: ExceptionRequest): PreflightProblem[] {
  const plan = request.remediationPlan;
  if (plan === undefined) return [problem('remediationPlan', 'PREFLIGHT.FIELD_MISSING', 'Describe how and when the underlying issue will be remediated.')];
  if (plan.targetDate !== undefined && request.requestedExpiry !== undefined && plan.targetDate > request.requestedExpiry)
    return [
      problem(
        'remediationPlan.targetDate',
        'PREFLIGHT.REMEDIATION_AFTER_EXPIRY',
        `Remediation is planned for ${plan.targetDate}, after the requested expiry ${request.requestedExpiry}: the exception would lapse first. Bring the plan forward or justify a renewal later.`,
      ),
    ];
  return [];
}

function checkConcurrency(request: ExceptionRequest, policy: Policy, context: PreflightContext): PreflightProblem[] {
  if (context.activeCounts === undefined) return [];
  const checked = checkConcurrencyLimits({ assets: request.assets, businessUnit: request.businessUnit ?? 'unnamed' }, context.activeCounts, policy);
  if (checked.ok) return [];
  const path = checked.error.code === 'APPROVAL.ASSET_LIMIT_REACHED' ? 'assets' : 'businessUnit';
  return [problem(path, checked.error.code, checked.error.message)];
}

function computeRisk(request: ExceptionRequest, policy: Policy): { risk: RiskAssessment | null; problems: PreflightProblem[] } {
  if (request.riskInputs === undefined)
    return { risk: null, problems: [problem('riskInputs', 'PREFLIGHT.FIELD_MISSING', 'Give a CVSS vector or a likelihood and impact so the risk can be rated.')] };
  if (request.assets.length === 0) return { risk: null, problems: [] };
  const assessed = assessRisk(
    { riskInputs: request.riskInputs, assets: request.assets, findings: request.findings, compensatingControls: request.compensatingControls },
    policy,
  );
  if (assessed.ok) return { risk: assessed.value, problems: [] };
  const path = request.riskInputs.method === 'cvss' ? 'riskInputs.vector' : 'riskInputs';
  return { risk: null, problems: [problem(path, assessed.error.code, assessed.error.message)] };
}

/**
 * Where this request would put its renewal chain: renewal number and cumulative days including the request,
 * which is how the approval rules read a chain. Days already used bound the latest expiry a renewal may ask for.
 */
function renewalStanding(request: ExceptionRequest, tier: Tier, policy: Policy, previous: RenewalChain | undefined, today: IsoDate) {
  const requestedDays = request.requestedExpiry === undefined ? 0 : Math.max(daysBetween(today, request.requestedExpiry), 0);
  const chain: RenewalChain =
    previous === undefined
      ? { renewalCount: 0, cumulativeDays: requestedDays }
      : { renewalCount: previous.renewalCount + 1, cumulativeDays: previous.cumulativeDays + requestedDays };
  const required = requiredLevels({ key: request.renewalOf ?? 'This request', tier, renewal: chain }, policy);
  const remainingDays = previous === undefined ? null : policy.tiers[tier].maxCumulativeDays - previous.cumulativeDays;
  return { levels: required.levels, notice: required.renewalNotice ?? null, remainingDays };
}

function latestExpiry(today: IsoDate, tier: Tier, policy: Policy, remainingDays: number | null): IsoDate {
  const tierLatest = latestAllowedExpiry(policy, { tier }, today);
  // An over-cap renewal keeps the tier's normal duration: the highest approver decides, the cap does not zero it.
  if (remainingDays === null || remainingDays <= 0) return tierLatest;
  const chainLatest = addCalendarDays(today, remainingDays);
  return chainLatest < tierLatest ? chainLatest : tierLatest;
}

function checkExpiryPresent(request: ExceptionRequest, today: IsoDate): PreflightProblem[] {
  if (request.requestedExpiry === undefined)
    return [problem('requestedExpiry', 'PREFLIGHT.FIELD_MISSING', 'Request an expiry date: every exception ends.')];
  if (daysBetween(today, request.requestedExpiry) <= 0)
    return [problem('requestedExpiry', 'PREFLIGHT.EXPIRY_IN_PAST', `The requested expiry ${request.requestedExpiry} is not after today (${today}).`)];
  return [];
}

function checkExpiry(request: ExceptionRequest, today: IsoDate, maxExpiry: IsoDate, tier: Tier, policy: Policy): PreflightProblem[] {
  const basic = checkExpiryPresent(request, today);
  if (basic.length > 0 || request.requestedExpiry === undefined) return basic;
  if (request.requestedExpiry > maxExpiry)
    return [
      problem(
        'requestedExpiry',
        'PREFLIGHT.EXPIRY_TOO_LONG',
        `A ${tier}-tier exception may last at most ${policy.tiers[tier].maxDurationDays} days: the latest expiry allowed is ${maxExpiry}, not ${request.requestedExpiry}.`,
      ),
    ];
  return [];
}

function checkControlsForTier(request: ExceptionRequest, tier: Tier, policy: Policy): PreflightProblem[] {
  if (!controlsRequired(policy, tier)) return [];
  const effective = request.compensatingControls.filter((c) => c.status !== 'planned');
  if (effective.length > 0) return [];
  const planned = request.compensatingControls.length;
  return [
    problem(
      'compensatingControls',
      'PREFLIGHT.CONTROLS_REQUIRED',
      planned > 0
        ? `A ${tier}-tier exception needs compensating controls that are implemented or verified; the ${planned} listed are only planned, and planned controls do not reduce risk.`
        : `A ${tier}-tier exception needs at least one documented compensating control that is implemented or verified.`,
    ),
  ];
}
