import { performance } from 'node:perf_hooks';
import { groupsCacheKey } from '../../src/entry/composition/rule-deps';
import { transitionValidatorHandler, type ValidatorAnswer } from '../../src/entry/validators/transition.validator';
import type { WorkflowRuleConfig } from '../../src/contract/workflow-rule-config';
import { anAsset } from '../../src/domain/testing/builders';
import { createApprovalWorld, PEOPLE, requestRatedAt, type ApprovalWorld } from '../scenarios/testing/approval-world';
import { approveLevels, awaitingApproval, levelIdsOf } from '../scenarios/testing/journeys';
import { emit, explainSteps, summary } from './figures';

/**
 * Workflow validator benchmark, in process against the Jira stand-in with the app's real adapters (the @forge/api
 * and @forge/kvs SDKs over the local Forge runtime, Kysely on in-memory SQLite): what a person waits for at the
 * transition screen, and what one validation costs in Jira requests and SQL statements, with SQLite's plan of each
 * statement. Prints one JSON line per figure. Figures, not assertions: the run fails only when a validator gives a
 * different answer than expected or a statement it runs reads a table without an index.
 * Run with `npx tsx test/bench/validators.ts`.
 */

const RUNS = 200;

/** Requests that name several assets: the limits count each asset, and the budget is still one statement. */
const THREE_ASSETS = [anAsset({ id: 'asset-db-01', name: 'Billing database' }), anAsset(), anAsset({ id: 'asset-lb-01', name: 'Edge load balancer' })];
const WARM_UP_RUNS = 10;

type Case = {
  readonly check: WorkflowRuleConfig;
  readonly issueKey: string;
  readonly actor: string;
  readonly expect: 'allowed' | 'refused';
  readonly label: string;
  /** Forget the person's cached groups before each run, so every validation looks them up in Jira. */
  readonly coldGroups?: boolean;
};

/**
 * Every table a plan reads is searched through an index. Scanning is fine only for what holds no table rows: the
 * constant row of a SELECT without FROM, and a subquery's own result (a co-routine or materialized one).
 */
const readsTablesByIndex = (steps: readonly string[]): boolean => {
  const derived = new Set(steps.flatMap((step) => /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(step)?.[1] ?? []));
  return steps.every((step) => {
    const scanned = /^SCAN (\S+)/.exec(step)?.[1];
    return scanned === undefined || step === 'SCAN CONSTANT ROW' || derived.has(scanned) || /USING (COVERING )?INDEX/.test(step);
  });
};

const plansOf = async (world: ApprovalWorld, statements: Iterable<string>): Promise<{ plan: string; indexed: boolean }[]> => {
  const plans = [];
  for (const text of statements) {
    const steps = await explainSteps(world.database, text);
    plans.push({ plan: steps.join('; '), indexed: readsTablesByIndex(steps) });
  }
  return plans;
};

const benchCase = async (world: ApprovalWorld, validate: ReturnType<typeof transitionValidatorHandler>, benchmark: Case): Promise<boolean> => {
  const installContext = `ari:cloud:jira::site/${world.jira.app.cloudId}`;
  const payload = { issue: { key: benchmark.issueKey }, configuration: benchmark.check, transition: { from: { id: '1' }, to: { id: '1' }, modifiedFields: {} } };
  const context = { principal: { accountId: benchmark.actor }, installContext };
  const once = async (): Promise<{ ms: number; answer: ValidatorAnswer; jira: number; sql: number }> => {
    if (benchmark.coldGroups === true) world.kvs.delete('values', groupsCacheKey(installContext, benchmark.actor));
    const [jiraBefore, sqlBefore] = [world.jiraCalls.length, world.sqlQueries.length];
    const started = performance.now();
    const answer = await world.runtime.runAs(benchmark.actor, () => validate(payload, context));
    const ms = performance.now() - started;
    return { ms, answer, jira: world.jiraCalls.length - jiraBefore, sql: world.sqlQueries.length - sqlBefore };
  };
  const firstStatement = world.sqlQueries.length;
  for (let i = 0; i < WARM_UP_RUNS; i += 1) await once();
  const plans = await plansOf(world, new Set(world.sqlQueries.slice(firstStatement)));
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await once());
  const answers = new Set(runs.map((run) => (run.answer.result ? 'allowed' : 'refused')));
  const jiraCalls = Math.max(...runs.map((run) => run.jira));
  const paths = world.jiraCalls.slice(-jiraCalls).map((call) => `${call.method} ${call.path.replace(/SEC-\d+/, '{issueKey}')}`);
  emit({
    figure: 'workflow-validator',
    check: benchmark.check.check,
    case: benchmark.label,
    outcome: [...answers].join('|'),
    runs: RUNS,
    ...summary(runs.map((run) => run.ms)),
    jiraCallsPerValidation: jiraCalls,
    jiraRequests: paths,
    sqlQueriesPerValidation: Math.max(...runs.map((run) => run.sql)),
    sqlPlans: plans.map((plan) => plan.plan),
    allStatementsIndexed: plans.every((plan) => plan.indexed),
  });
  return answers.size === 1 && answers.has(benchmark.expect) && plans.every((plan) => plan.indexed);
};

const main = async (): Promise<void> => {
  const world = await createApprovalWorld();
  try {
    const validate = transitionValidatorHandler(world.platform);
    const draft = await world.raise(requestRatedAt('medium', { title: 'Draft to submit' }));
    const wideDraft = await world.raise(requestRatedAt('medium', { title: 'Draft naming three assets', assets: THREE_ASSETS }));
    const submitted = await world.raise(requestRatedAt('medium', { title: 'Submitted for review' }));
    await world.transition(submitted, 'Submit', PEOPLE.requester);
    const waiting = await awaitingApproval(world, requestRatedAt('medium', { title: 'Waiting for its second level' }));
    await approveLevels(world, waiting, ['security-lead']);
    const approved = await awaitingApproval(world, requestRatedAt('critical', { title: 'Approved by every level' }));
    await approveLevels(world, approved, levelIdsOf('critical'));
    const wideApproved = await awaitingApproval(world, requestRatedAt('medium', { title: 'Approved, three assets', assets: THREE_ASSETS }));
    await approveLevels(world, wideApproved, levelIdsOf('medium'));

    const cases: readonly Case[] = [
      { label: 'second level, entitled approver, groups cached', check: { check: 'approval', levelId: 'risk-owner' }, issueKey: waiting, actor: PEOPLE.risk, expect: 'allowed' },
      { label: 'second level, groups looked up', check: { check: 'approval', levelId: 'risk-owner' }, issueKey: waiting, actor: PEOPLE.risk, expect: 'allowed', coldGroups: true },
      { label: 'second level, outside the group', check: { check: 'approval', levelId: 'risk-owner' }, issueKey: waiting, actor: PEOPLE.outsider, expect: 'refused' },
      { label: 'critical, four levels approved', check: { check: 'activation' }, issueKey: approved, actor: PEOPLE.ciso, expect: 'allowed' },
      { label: 'medium, three assets', check: { check: 'activation' }, issueKey: wideApproved, actor: PEOPLE.risk, expect: 'allowed' },
      { label: 'medium, one asset', check: { check: 'submit' }, issueKey: draft, actor: PEOPLE.requester, expect: 'allowed' },
      { label: 'medium, three assets', check: { check: 'submit' }, issueKey: wideDraft, actor: PEOPLE.requester, expect: 'allowed' },
      { label: 'start of review', check: { check: 'review' }, issueKey: submitted, actor: PEOPLE.architect, expect: 'allowed' },
    ];
    let sound = true;
    for (const benchmark of cases) sound = (await benchCase(world, validate, benchmark)) && sound;
    if (!sound) {
      process.stderr.write('validators bench: a validator answered otherwise than expected, or one of its statements scanned a table\n');
      process.exitCode = 1;
    }
  } finally {
    await world.close();
  }
};

void main();
