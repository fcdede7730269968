import { Radio } from '@atlaskit/radio';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useRef, useState } from 'react';
import { parseWorkflowRuleConfig, type WorkflowRuleConfig } from '@contract';
import { ErrorMessage, Loading } from '../../shared/feedback';
import { useServices } from '../../shared/services';
import { useResolver } from '../../shared/use-resolver';

const EMPTY = {};
const DEFAULT_CONFIG: WorkflowRuleConfig = { check: 'submit' };

type Option = { readonly id: string; readonly config: WorkflowRuleConfig; readonly label: string; readonly help: string };

/** The checks before the approval levels, in the workflow's order. */
const BEFORE_LEVELS: readonly Option[] = [
  { id: 'submit', config: { check: 'submit' }, label: 'Submit', help: 'The request is complete: the same pre-flight the requester sees.' },
  { id: 'review', config: { check: 'review' }, label: 'Risk review', help: 'An independent peer reviewer signs off the risk assessment.' },
];

/** The checks after the approval levels: activation, the ways a request ends without it, then the ways an active exception ends early. */
const AFTER_LEVELS: readonly Option[] = [
  {
    id: 'activation',
    config: { check: 'activation' },
    label: 'Activation',
    help: 'Every required level approved the current content, and the concurrency limits hold.',
  },
  {
    id: 'rejection',
    config: { check: 'rejection' },
    label: 'Rejection',
    help: 'Only an approver of the waiting level, or the peer reviewer during review, rejects, and always with a reason in the comment.',
  },
  { id: 'withdrawal', config: { check: 'withdrawal' }, label: 'Withdrawal', help: 'Only the requester withdraws their own request.' },
  {
    id: 'revocation',
    config: { check: 'revocation' },
    label: 'Revocation',
    help: 'Only a member of the security lead group revokes an active exception, and always with a reason in the comment.',
  },
  {
    id: 'remediation',
    config: { check: 'remediation' },
    label: 'Remediation',
    help: 'Only the requester, the asset owner or a member of the security lead group marks an active exception remediated.',
  },
];

const optionId = (config: WorkflowRuleConfig): string => (config.check === 'approval' ? `approval:${config.levelId}` : config.check);

/**
 * Configures one validator on one transition: which check it runs. Jira asks for the configuration when the
 * admin confirms the rule, so the callback is registered once and always reads the latest choice.
 */
export function RuleConfig() {
  const { host, context } = useServices();
  const [config, setConfig] = useState<WorkflowRuleConfig>(() => parseWorkflowRuleConfig(context.extension.validatorConfig) ?? DEFAULT_CONFIG);
  const latest = useRef(config);
  latest.current = config;
  const { state } = useResolver('admin/policy/get', EMPTY);

  useEffect(() => {
    void host.onConfigure(() => JSON.stringify(latest.current));
  }, [host]);

  const levelOptions: Option[] =
    state.status === 'success'
      ? state.data.policy.levels.map((level) => ({
          id: `approval:${level.id}`,
          config: { check: 'approval', levelId: level.id },
          label: `Approval by ${level.name}`,
          help: `The transition records the ${level.name} approval; only members of ${level.group} who are entitled may make it.`,
        }))
      : [];
  const savedLevelMissing = config.check === 'approval' && state.status === 'success' && !levelOptions.some((o) => o.id === optionId(config));
  const options = [...BEFORE_LEVELS, ...levelOptions, ...AFTER_LEVELS];

  return (
    <fieldset className="ser-fieldset ser-stack">
      <legend>What does this transition check?</legend>
      {options.map((option) => (
        <div key={option.id}>
          <Radio
            name="rule-check"
            value={option.id}
            label={option.label}
            isChecked={optionId(config) === option.id}
            onChange={() => setConfig(option.config)}
            aria-describedby={`${option.id}-help`}
          />
          <div id={`${option.id}-help`} className="ser-help">
            {option.help}
          </div>
        </div>
      ))}
      {state.status === 'loading' && <Loading label="Loading the approval levels" />}
      {state.status === 'failure' && <ErrorMessage error={state.error} title="The approval levels could not be loaded" />}
      {savedLevelMissing && (
        <SectionMessage appearance="warning">
          <p>{`This rule approves level "${config.check === 'approval' ? config.levelId : ''}", which the policy no longer has: choose another check.`}</p>
        </SectionMessage>
      )}
    </fieldset>
  );
}
