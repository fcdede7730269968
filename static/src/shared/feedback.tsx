import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { ContractError } from '@contract';

export function Loading({ label }: { label: string }) {
  return (
    <div className="ser-loading" role="status" aria-live="polite">
      <Spinner size="medium" label={label} />
      <span>{label}</span>
    </div>
  );
}

/** A refusal or failure as the person who must act reads it; field errors are listed when no form shows them. */
export function ErrorMessage({ error, title = 'Something went wrong' }: { error: ContractError; title?: string }) {
  return (
    <SectionMessage appearance="error" title={title}>
      <p>{error.message}</p>
      {error.fieldErrors !== undefined && error.fieldErrors.length > 0 && (
        <ul>
          {error.fieldErrors.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              <code>{f.path}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </SectionMessage>
  );
}
