import type { ForgeEvent } from '../event-dispatcher';
import { provisionExceptionWorkflow, type ProvisionedWorkflow } from '../testing/provision-exception-workflow';
import { call, createStandInWorld, json, PEOPLE, type StandInWorld } from '../testing/stand-in-world';
import type { WorkflowValidatorPayload } from '../workflow-validators';

describe('transitions run the app’s workflow validators as Jira does', () => {
  let world: StandInWorld;
  let workflow: ProvisionedWorkflow;
  let issueKey: string;
  let events: ForgeEvent[];

  const createException = async (): Promise<string> => {
    const response = await call(
      world.jira,
      'POST',
      '/rest/api/3/issue',
      { fields: { project: { key: 'SEC' }, issuetype: { id: workflow.issueTypeId }, summary: 'Legacy TLS on the payment gateway' } },
      PEOPLE.requester,
    );
    return (json(response) as { key: string }).key;
  };

  const transition = (id: string, asUser: string | null = PEOPLE.requester, extra: Record<string, unknown> = {}) =>
    call(world.jira, 'POST', `/rest/api/3/issue/${issueKey}/transitions`, { transition: { id }, ...extra }, asUser);

  beforeEach(async () => {
    world = createStandInWorld();
    const received: ForgeEvent[] = [];
    events = received;
    world.jira.registerTrigger({ key: 'issue-events', events: ['avi:jira:updated:issue'], handler: (event) => void received.push(event) });
    workflow = await provisionExceptionWorkflow(world.jira, { screenFields: [world.riskInputsField] });
    issueKey = await createException();
  });

  it('starts a new issue in the workflow’s initial status', () => {
    expect(world.jira.issue(issueKey)?.statusId).toBe(workflow.statusIds.draft);
  });

  it('calls the validator with Forge’s payload and blocks the transition with its message', async () => {
    const seen: WorkflowValidatorPayload[] = [];
    world.jira.registerWorkflowValidator('intake-validator', (payload) => {
      seen.push(payload);
      return { result: false, errorMessage: 'Add at least one compensating control before submitting.' };
    });

    const response = await transition(workflow.transitionIds.submit);

    expect(response.status).toBe(400);
    expect(json(response)).toEqual({ errorMessages: ['Add at least one compensating control before submitting.'], errors: {} });
    expect(seen).toEqual([
      {
        issue: { key: issueKey },
        configuration: {},
        transition: { from: { id: workflow.statusIds.draft }, to: { id: workflow.statusIds.submitted }, modifiedFields: {} },
      },
    ]);
    expect(world.jira.issue(issueKey)?.statusId).toBe(workflow.statusIds.draft);
    await world.jira.events.settle();
    expect(events).toEqual([]);
  });

  it('falls back to the manifest error message when the validator gives none', async () => {
    world.jira.registerWorkflowValidator('intake-validator', () => ({ result: false }), { errorMessage: 'Intake is incomplete.' });
    expect(json(await transition(workflow.transitionIds.submit))).toEqual({ errorMessages: ['Intake is incomplete.'], errors: {} });
  });

  it('applies a passing transition, writes the changelog and emits the updated event after answering', async () => {
    world.jira.registerWorkflowValidator('intake-validator', () => ({ result: true }));

    const response = await transition(workflow.transitionIds.submit);

    expect(response.status).toBe(204);
    expect(events).toEqual([]);
    await world.jira.events.settle();
    const issue = world.jira.issue(issueKey);
    expect(issue?.statusId).toBe(workflow.statusIds.submitted);
    const statusChange = { field: 'status', fieldtype: 'jira', fieldId: 'status', from: workflow.statusIds.draft, fromString: 'Draft', to: workflow.statusIds.submitted, toString: 'Submitted' };
    expect(issue?.changelog.at(-1)?.items).toEqual([statusChange]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      selfGenerated: false,
      atlassianId: PEOPLE.requester,
      issue: { key: issueKey, fields: { status: { name: 'Submitted' } } },
      changelog: { items: [statusChange] },
      jiraEventTypeName: 'issue_generic',
    });
  });

  it('passes the rule’s configuration and the user as principal', async () => {
    world.jira.registerWorkflowValidator('intake-validator', () => ({ result: true }));
    await transition(workflow.transitionIds.submit);
    const calls: { configuration: unknown; context: Readonly<Record<string, unknown>> }[] = [];
    world.jira.registerWorkflowValidator('approval-validator', ({ configuration }, context) => {
      calls.push({ configuration, context });
      return { result: true };
    });

    expect((await transition(workflow.transitionIds.approve, PEOPLE.lead)).status).toBe(204);
    expect(calls).toEqual([
      { configuration: { level: 'security-lead' }, context: expect.objectContaining({ principal: { accountId: PEOPLE.lead } }) as unknown },
    ]);
  });

  it('fails closed when the validator throws, answers garbage or is not registered', async () => {
    expect(json(await transition(workflow.transitionIds.submit))).toEqual({
      errorMessages: ['The workflow validator intake-validator could not be run.'],
      errors: {},
    });
    world.jira.registerWorkflowValidator('intake-validator', () => {
      throw new Error('database down');
    });
    expect((await transition(workflow.transitionIds.submit)).status).toBe(400);
    world.jira.registerWorkflowValidator('intake-validator', () => ({ result: 'yes' }) as never);
    expect((await transition(workflow.transitionIds.submit)).status).toBe(400);
    expect(world.jira.issue(issueKey)?.statusId).toBe(workflow.statusIds.draft);
  });

  it('blocks rules that reference another environment of the app (a provisioning mistake)', async () => {
    world = createStandInWorld();
    workflow = await provisionExceptionWorkflow(world.jira, { approvalEnvironmentId: 'env-other' });
    issueKey = await createException();
    world.jira.registerWorkflowValidator('intake-validator', () => ({ result: true }));
    world.jira.registerWorkflowValidator('approval-validator', () => ({ result: true }));
    await transition(workflow.transitionIds.submit);
    const response = await transition(workflow.transitionIds.approve, PEOPLE.lead);
    expect(response.status).toBe(400);
    expect(JSON.stringify(json(response))).toContain('is not installed');
  });

  it('refuses a transition that does not leave the current status', async () => {
    const response = await transition(workflow.transitionIds.approve);
    expect(json(response)).toEqual({ errorMessages: [`Transition id '${workflow.transitionIds.approve}' is not valid for this issue.`], errors: {} });
  });

  it('offers directed transitions from the current status and global ones leading elsewhere', async () => {
    const offered = json(await call(world.jira, 'GET', `/rest/api/3/issue/${issueKey}/transitions`, undefined, PEOPLE.requester)) as {
      transitions: { id: string; name: string }[];
    };
    expect(offered.transitions.map((candidate) => candidate.name)).toEqual(['Submit']);
  });

  it('refuses fields on a transition without a screen, as Jira does', async () => {
    world.jira.registerWorkflowValidator('intake-validator', () => ({ result: true }));
    const response = await transition(workflow.transitionIds.submit, PEOPLE.requester, { fields: { summary: 'changed' } });
    expect(json(response)).toEqual({ errorMessages: [], errors: { summary: "Field 'summary' cannot be set. It is not on the appropriate screen, or unknown." } });
  });

  it('lets people without Transition issues see the issue but not move it', async () => {
    world.jira.registerWorkflowValidator('intake-validator', () => ({ result: true }));
    const response = await transition(workflow.transitionIds.submit, PEOPLE.admin);
    expect(response.status).toBe(400);
    expect(world.jira.issue(issueKey)?.statusId).toBe(workflow.statusIds.draft);
  });

  it('marks transitions the app makes itself as selfGenerated', async () => {
    world.jira.registerWorkflowValidator('intake-validator', () => ({ result: true }));
    await transition(workflow.transitionIds.submit, null);
    await world.jira.events.settle();
    expect(events[0]).toMatchObject({ selfGenerated: true, atlassianId: world.jira.app.accountId });
  });
});
