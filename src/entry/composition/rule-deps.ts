import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cachedInKvs } from '../../adapters/forge/kvs-cache';
import { loadPolicy } from '../../adapters/forge/kvs-policy-source';
import { forgeRequestJira } from '../../adapters/forge/forge-request-jira';
import { createJiraClient } from '../../adapters/jira/jira-client';
import type { JiraGateways } from '../../adapters/jira/jira-gateway-factory';
import { jiraPath } from '../../adapters/jira/jira-path';
import { SqlActivationEvidence } from '../../adapters/sql/sql-activation-evidence';
import type { TransitionCheckDeps } from '../../app/approvals/check-transition';
import type { IssueCommentReader } from '../../app/approvals/decision-ports';
import type { PolicySource } from '../../app/approvals/policy-source';
import type { RecordDecisionDeps } from '../../app/approvals/record-decision';
import type { GroupDirectory } from '../../app/projection/projection-ports';
import { adfPlainText } from './adf-text';
import { exceptionFieldIds, jiraGateways, openStorage, projectionWriterDeps, QUICK_RETRY } from './invocation-deps';
import { exceptionIssueReader, groupDirectory } from './jira-ports';
import type { Platform } from './platform';

/**
 * Dependencies of the workflow rules: the validators (a person waits at the transition screen, so Jira calls get
 * one quick retry at most) and the post function that records decisions (retried by the platform, so it uses the
 * ordinary retry budget). Built per invocation; what outlives one is cached in the installation's own KVS.
 */

/** Someone removed from an approver group loses the right to approve within this time. */
export const GROUPS_TTL_SECONDS = 60;

/** The stored policy, or why it cannot be used; a store that does not answer is a failure like any other. */
export const kvsPolicySource: PolicySource = {
  async current() {
    try {
      const policy = await loadPolicy();
      return policy.ok ? policy : { ok: false, error: { code: policy.error.code, message: policy.error.message } };
    } catch {
      return { ok: false, error: { code: 'POLICY.UNREADABLE', message: 'the app’s key-value store did not answer' } };
    }
  },
};

const groupNamesSchema = z.array(z.string());

/** KVS keys allow few characters, and an account id may be personal data: the key is a digest of both parts. */
export const groupsCacheKey = (installation: string, accountId: string): string =>
  `cache:groups:${createHash('sha256').update(`${installation}\n${accountId}`, 'utf8').digest('hex').slice(0, 40)}`;

/**
 * Group memberships cached for a minute in the installation's KVS, keyed by installation and account: a validator
 * then costs at most one group lookup per person per minute. A cache that cannot be read is bypassed, never trusted.
 */
export const cachedGroupDirectory = (directory: GroupDirectory, installation: string): GroupDirectory => ({
  async groupsOf(accountId) {
    const lookUp = () => directory.groupsOf(accountId);
    try {
      return await cachedInKvs(groupsCacheKey(installation, accountId), groupNamesSchema, GROUPS_TTL_SECONDS, lookUp);
    } catch {
      return lookUp();
    }
  },
});

const groupsFor = (gateways: JiraGateways, installation: string | undefined): GroupDirectory =>
  installation === undefined ? groupDirectory(gateways.asApp) : cachedGroupDirectory(groupDirectory(gateways.asApp), installation);

/** The text of a comment made on a transition, read as the app (the person may have restricted its visibility). */
export const issueCommentReader = (platform: Platform): IssueCommentReader => {
  const client = createJiraClient({ request: forgeRequestJira.asApp, sleep: (ms) => platform.sleep(ms), random: Math.random, now: () => platform.now() });
  return {
    async textOf(issueKey, commentId) {
      const result = await client.send({
        operation: 'getComment',
        method: 'GET',
        path: jiraPath`/rest/api/3/issue/${issueKey}/comment/${commentId}`,
        response: z.looseObject({ body: z.unknown() }),
      });
      return result.ok ? { ok: true, value: adfPlainText(result.value.body) } : result;
    },
  };
};

export const transitionCheckDeps = (platform: Platform, installation: string | undefined): TransitionCheckDeps => {
  const storage = openStorage(platform);
  // A person waits at the transition screen: after one quick retry the validator answers that the check could not be made.
  const gateways = jiraGateways(platform, QUICK_RETRY);
  return {
    issues: exceptionIssueReader(gateways.asApp, exceptionFieldIds(gateways)),
    approvals: storage.approvals,
    counts: storage.register,
    activation: new SqlActivationEvidence(storage.database),
    groups: groupsFor(gateways, installation),
    policy: kvsPolicySource,
  };
};

export const recordDecisionDeps = async (platform: Platform, installation: string | undefined): Promise<RecordDecisionDeps> => {
  const gateways = jiraGateways(platform);
  return {
    ...(await projectionWriterDeps(platform, openStorage(platform), gateways)),
    groups: groupsFor(gateways, installation),
    comments: issueCommentReader(platform),
  };
};
