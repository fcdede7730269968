import type { ReactNode } from 'react';

/**
 * A labelled form control with its help and error text wired to it for assistive technology.
 * `children` receives the ids and state an Atlaskit control needs (it sets `aria-invalid` from `isInvalid`).
 */
export function Field({
  id,
  label,
  help,
  error,
  children,
}: {
  id: string;
  label: string;
  help?: string;
  error?: string | undefined;
  children: (props: { id: string; 'aria-describedby'?: string; isInvalid: boolean }) => ReactNode;
}) {
  const helpId = help === undefined ? undefined : `${id}-help`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [helpId, errorId].filter((x) => x !== undefined).join(' ');
  return (
    <div className="ser-field">
      <label htmlFor={id} className="ser-label">
        {label}
      </label>
      {children({
        id,
        ...(describedBy.length > 0 ? { 'aria-describedby': describedBy } : {}),
        isInvalid: error !== undefined,
      })}
      {help !== undefined && (
        <div id={helpId} className="ser-help">
          {help}
        </div>
      )}
      {error !== undefined && (
        <div id={errorId} className="ser-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
