import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useState, type FormEvent } from 'react';
import { projectKeySchema, setupSucceeded, type ContractError, type SetupOutcome, type SetupReport } from '@contract';
import { ErrorMessage, Loading } from '../../shared/feedback';
import { Field } from '../../shared/field';
import { formatInstant } from '../../shared/format';
import { PersonName } from '../../shared/person';
import { useServices } from '../../shared/services';

const OUTCOME = {
  created: { label: 'Created', appearance: 'success' },
  'already-present': { label: 'Already present', appearance: 'default' },
  updated: { label: 'Updated', appearance: 'inprogress' },
  failed: { label: 'Failed', appearance: 'removed' },
  skipped: { label: 'Skipped', appearance: 'moved' },
} as const satisfies Record<SetupOutcome, { label: string; appearance: string }>;

function StepReport({ report }: { report: SetupReport }) {
  return (
    <section aria-label={`Set-up report for ${report.projectKey}`} className="ser-stack">
      {setupSucceeded(report) ? (
        <SectionMessage appearance="success" title={`${report.projectKey} is set up`}>
          <p>Every step is in place. Running set-up again changes nothing.</p>
        </SectionMessage>
      ) : (
        <SectionMessage appearance="error" title={`Set-up of ${report.projectKey} is incomplete`}>
          <p>Fix what the failed steps say, then run set-up again: steps already done are kept.</p>
        </SectionMessage>
      )}
      <p className="ser-muted">
        {`Run ${formatInstant(report.startedAt)} to ${formatInstant(report.finishedAt)} by `}
        <PersonName person={report.by} />
      </p>
      <table className="ser-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Outcome</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {report.steps.map((s) => (
            <tr key={s.step}>
              <th scope="row">{s.name}</th>
              <td>
                <Lozenge appearance={OUTCOME[s.outcome].appearance}>{OUTCOME[s.outcome].label}</Lozenge>
              </td>
              <td>{s.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

type SetupState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'working'; readonly what: string }
  | { readonly phase: 'report'; readonly report: SetupReport | null; readonly projectKey: string }
  | { readonly phase: 'failed'; readonly error: ContractError };

/** Provisions the issue type, workflow, screens and schemes of a company-managed project, step by step. */
export function ProjectSetup({ editable }: { editable: boolean }) {
  const { api } = useServices();
  const [projectKey, setProjectKey] = useState('');
  const [keyError, setKeyError] = useState<string | undefined>();
  const [state, setState] = useState<SetupState>({ phase: 'idle' });

  const checkedKey = (): string | null => {
    const parsed = projectKeySchema.safeParse(projectKey.trim().toUpperCase());
    setKeyError(parsed.success ? undefined : 'Enter a project key such as SEC.');
    return parsed.success ? parsed.data : null;
  };

  const status = async (event: FormEvent) => {
    event.preventDefault();
    const key = checkedKey();
    if (key === null) return;
    setState({ phase: 'working', what: `Reading the set-up of ${key}` });
    const answer = await api.call('admin/setup/status', { projectKey: key });
    setState(answer.ok ? { phase: 'report', report: answer.data.lastRun, projectKey: key } : { phase: 'failed', error: answer.error });
  };

  const run = async () => {
    const key = checkedKey();
    if (key === null) return;
    setState({ phase: 'working', what: `Setting up ${key}` });
    const answer = await api.call('admin/setup/run', { projectKey: key });
    setState(answer.ok ? { phase: 'report', report: answer.data, projectKey: key } : { phase: 'failed', error: answer.error });
  };

  return (
    <section aria-label="Project set-up" className="ser-stack">
      <form aria-label="Choose a project" className="ser-row" onSubmit={(e) => void status(e)}>
        <Field id="setup-project" label="Project key" help="A company-managed project." error={keyError}>
          {(props) => <Textfield {...props} value={projectKey} onChange={(e) => setProjectKey(e.currentTarget.value)} />}
        </Field>
        <Button type="submit">Show set-up status</Button>
        {editable && (
          <Button appearance="primary" onClick={() => void run()} isDisabled={state.phase === 'working'}>
            Run set-up
          </Button>
        )}
      </form>
      {state.phase === 'working' && <Loading label={state.what} />}
      {state.phase === 'failed' && <ErrorMessage error={state.error} title="Set-up did not run" />}
      {state.phase === 'report' &&
        (state.report === null ? <p>{`Set-up has never run for ${state.projectKey}.`}</p> : <StepReport report={state.report} />)}
    </section>
  );
}
