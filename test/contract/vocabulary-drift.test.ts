import fc from 'fast-check';
import { monthlyReportSchema, monthSchema as reportMonthSchema, REPORT_SECTION_LIMIT } from '../../src/app/reports/report-ports';
import { monthSchema } from '../../src/contract/primitives';
import * as contractReports from '../../src/contract/reports';
import * as contract from '../../src/contract/vocabulary';
import { parseWorkflowRuleConfig, RULE_CHECKS } from '../../src/contract/workflow-rule-config';
import { DEFAULT_POLICY } from '../../src/domain/policy/default-policy';
import { planExceptionWorkflow } from '../../src/domain/provisioning/workflow-plan';
import * as domain from '../../src/domain/exception/security-exception';
import { CVSS_SEVERITIES, CVSS_VERSIONS } from '../../src/domain/risk';

/**
 * The contract restates the domain's closed vocabularies because the browser bundle may not import the domain;
 * this suite is what keeps the two copies from drifting apart.
 */
describe('contract vocabulary matches the domain', () => {
  it.each([
    ['statuses', contract.STATUSES, domain.STATUSES],
    ['tiers', contract.TIERS, domain.TIERS],
    ['exception kinds', contract.EXCEPTION_KINDS, domain.EXCEPTION_KINDS],
    ['asset criticalities', contract.CRITICALITIES, domain.CRITICALITIES],
    ['data classifications', contract.DATA_CLASSIFICATIONS, domain.DATA_CLASSIFICATIONS],
    ['frameworks', contract.FRAMEWORKS, domain.FRAMEWORKS],
    ['control statuses', contract.CONTROL_STATUSES, domain.CONTROL_STATUSES],
    ['threat vectors', contract.THREAT_VECTORS, domain.THREAT_VECTORS],
    ['CVSS versions', contract.CVSS_VERSIONS, CVSS_VERSIONS],
    ['CVSS severities', contract.CVSS_SEVERITIES, CVSS_SEVERITIES],
  ] as const)('%s', (_label, inContract, inDomain) => {
    expect([...inContract]).toEqual([...inDomain]);
  });

  it('labels every status as the workflow names it', () => {
    expect(contract.STATUS_LABELS).toEqual(domain.STATUS_NAMES);
  });
});

describe('contract rule checks match the workflow set-up plans', () => {
  it('offers exactly the checks set-up puts on the workflow’s transitions, each configuration readable', () => {
    const plan = planExceptionWorkflow({
      app: { appId: 'app-1', environmentId: 'env-1' },
      validatorModuleKeys: { intake: 'intake', peerReview: 'peer-review', approval: 'approval', activation: 'activation' },
      approvalLevels: DEFAULT_POLICY.levels,
    });
    if (!plan.ok) throw new Error(plan.error.message);
    const planned = plan.value.transitions.flatMap((transition) => transition.validators.map((rule) => parseWorkflowRuleConfig(rule.parameters.config)?.check ?? 'unreadable'));
    expect([...new Set(planned)].sort()).toEqual([...RULE_CHECKS].sort());
  });
});

describe('contract monthly reports match the stored reports', () => {
  it('names the same sections in the same order', () => {
    expect([...contractReports.REPORT_SECTIONS]).toEqual(Object.keys(monthlyReportSchema.shape.sections.shape));
  });

  it('lists at most as many exceptions per section as a stored report holds', () => {
    expect(contractReports.REPORT_SECTION_LIMIT).toBe(REPORT_SECTION_LIMIT);
  });

  const monthLike = fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: -1, max: 19 }))
    .map(([year, month]) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);

  it('accepts exactly the months a stored report is keyed by', () => {
    fc.assert(
      fc.property(fc.oneof(monthLike, fc.string({ maxLength: 10 })), (candidate) => {
        expect(monthSchema.safeParse(candidate).success).toBe(reportMonthSchema.safeParse(candidate).success);
      }),
      { numRuns: 2_000 },
    );
  });
});
