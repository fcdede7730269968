import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { ContractError, IntegrationSettings } from '@contract';
import { ErrorMessage, Loading } from '../../shared/feedback';
import { formatInstant } from '../../shared/format';
import { useServices } from '../../shared/services';
import { useResolver } from '../../shared/use-resolver';

const EMPTY = {};

function Integration({ initial, editable }: { initial: IntegrationSettings; editable: boolean }) {
  const { api } = useServices();
  const [settings, setSettings] = useState(initial);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  const save = async (enabled: boolean, rotateSecret: boolean) => {
    setError(null);
    const answer = await api.call('admin/integrations/save', { id: settings.id, enabled, rotateSecret });
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    setSettings(answer.data.integration);
    setSecret(answer.data.newSecret);
  };

  return (
    <section aria-label={settings.name} className="ser-tile ser-stack">
      <h3>{settings.name}</h3>
      <p>{settings.description}</p>
      <dl>
        <dt className="ser-label">Web trigger URL</dt>
        <dd>{settings.url === null ? 'Available once the app is installed on a site.' : <code>{settings.url}</code>}</dd>
        <dt className="ser-label">Signing secret</dt>
        <dd>
          {settings.secretConfigured ? 'Configured' : 'Not configured'}
          {settings.secretRotatedAt !== null && `, rotated ${formatInstant(settings.secretRotatedAt)}`}
        </dd>
        <dt className="ser-label">Last request</dt>
        <dd>{settings.lastRequestAt === null ? 'None yet' : formatInstant(settings.lastRequestAt)}</dd>
        {settings.lastRefusal !== null && (
          <>
            <dt className="ser-label">Last refused request</dt>
            <dd>{settings.lastRefusal}</dd>
          </>
        )}
      </dl>
      {editable ? (
        <div className="ser-row">
          <Checkbox label={`${settings.name} enabled`} isChecked={settings.enabled} onChange={(e) => void save(e.currentTarget.checked, false)} />
          <Button onClick={() => void save(settings.enabled, true)}>{`Rotate secret of ${settings.name}`}</Button>
        </div>
      ) : (
        <p>{settings.enabled ? 'Enabled' : 'Disabled'}</p>
      )}
      {secret !== null && (
        <SectionMessage appearance="warning" title="Copy the new secret now">
          <p>It is shown only this once; the previous secret no longer works.</p>
          <code>{secret}</code>
        </SectionMessage>
      )}
      {error !== null && <ErrorMessage error={error} title={`${settings.name} was not changed`} />}
    </section>
  );
}

/** Web trigger integrations: scanners, the exception feed, the CI gate and SIEM usage events. */
export function Integrations({ editable }: { editable: boolean }) {
  const { state } = useResolver('admin/integrations/get', EMPTY);
  if (state.status === 'loading') return <Loading label="Loading integrations" />;
  if (state.status === 'failure') return <ErrorMessage error={state.error} title="The integrations could not be loaded" />;
  return (
    <div className="ser-tiles">
      {state.data.integrations.map((i) => (
        <Integration key={i.id} initial={i} editable={editable} />
      ))}
    </div>
  );
}
