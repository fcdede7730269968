import type { WorkflowRuleConfig } from '../../contract/workflow-rule-config';
import { anAsset } from '../../domain/testing/builders';
import { createApprovalWorld, PEOPLE, requestRatedAt, type ApprovalWorld } from '../../../test/scenarios/testing/approval-world';
import { activeException, approveLevels, awaitingApproval, levelIdsOf } from '../../../test/scenarios/testing/journeys';
import { transitionValidatorHandler } from './transition.validator';

/**
 * Jira gives a workflow validator a few seconds and the design budgets one SQL query per call. Measured on the real
 * handler and composition root over the Jira stand-in and SQLite: the statements one validation runs, whatever the
 * number of assets the limits must count.
 */

const THREE_ASSETS = [anAsset({ id: 'asset-db-01', name: 'Billing database' }), anAsset(), anAsset({ id: 'asset-lb-01', name: 'Edge load balancer' })];

type Budget = {
  readonly issue: (world: ApprovalWorld) => Promise<string>;
  readonly check: WorkflowRuleConfig;
  readonly actor: string;
  /** The reason typed as the transition's comment, for the checks that need one. */
  readonly comment?: string;
  readonly statements: number;
};

const BUDGETS: readonly [string, Budget][] = [
  ['Submit, one asset', { issue: (world) => world.raise(requestRatedAt('medium')), check: { check: 'submit' }, actor: PEOPLE.requester, statements: 1 }],
  [
    'Submit, three assets',
    { issue: (world) => world.raise(requestRatedAt('medium', { assets: THREE_ASSETS })), check: { check: 'submit' }, actor: PEOPLE.requester, statements: 1 },
  ],
  [
    'Activation, one asset, four levels approved',
    {
      issue: async (world) => {
        const key = await awaitingApproval(world, requestRatedAt('critical'));
        await approveLevels(world, key, levelIdsOf('critical'));
        return key;
      },
      check: { check: 'activation' },
      actor: PEOPLE.ciso,
      statements: 1,
    },
  ],
  [
    'Activation, three assets',
    {
      issue: async (world) => {
        const key = await awaitingApproval(world, requestRatedAt('medium', { assets: THREE_ASSETS }));
        await approveLevels(world, key, levelIdsOf('medium'));
        return key;
      },
      check: { check: 'activation' },
      actor: PEOPLE.risk,
      statements: 1,
    },
  ],
  [
    'an approval level',
    { issue: (world) => awaitingApproval(world, requestRatedAt('medium')), check: { check: 'approval', levelId: 'security-lead' }, actor: PEOPLE.lead, statements: 1 },
  ],
  [
    'Revoke, by a security lead with a reason',
    {
      issue: (world) => activeException(world, requestRatedAt('low'), 'low'),
      check: { check: 'revocation' },
      actor: PEOPLE.lead,
      comment: 'Exploitation seen in the wild against this asset class.',
      statements: 0,
    },
  ],
  [
    'Mark remediated, by the requester',
    { issue: (world) => activeException(world, requestRatedAt('low'), 'low'), check: { check: 'remediation' }, actor: PEOPLE.requester, statements: 0 },
  ],
];

let world: ApprovalWorld;
beforeEach(async () => {
  world = await createApprovalWorld();
});
afterEach(() => world.close());

describe('SQL statements per validation', () => {
  it.each(BUDGETS)('%s: lets it through with its budget of statements, all reads', async (_name, budget) => {
    const issueKey = await budget.issue(world);
    const validate = transitionValidatorHandler(world.platform);
    const before = world.sqlQueries.length;

    const answer = await world.runtime.runAs(budget.actor, () =>
      validate(
        {
          issue: { key: issueKey },
          configuration: budget.check,
          transition: {
            from: { id: '1' },
            to: { id: '1' },
            modifiedFields: budget.comment === undefined ? {} : { comment: { body: budget.comment } },
          },
        },
        { principal: { accountId: budget.actor }, installContext: `ari:cloud:jira::site/${world.jira.app.cloudId}` },
      ),
    );

    expect(answer).toEqual({ result: true });
    const statements = world.sqlQueries.slice(before);
    expect(statements).toHaveLength(budget.statements);
    expect(statements.filter((statement) => !/^select /i.test(statement))).toEqual([]);
  });
});
