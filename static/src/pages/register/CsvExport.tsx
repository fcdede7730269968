import Button from '@atlaskit/button/new';
import ProgressBar from '@atlaskit/progress-bar';
import { useEffect, useRef, useState } from 'react';
import { type ContractError, type RegisterFilter, type RegisterSort } from '@contract';
import { BYTE_ORDER_MARK, csvLine } from '../../export/csv';
import { saveFile } from '../../export/save-file';
import { ErrorMessage } from '../../shared/feedback';
import { useServices } from '../../shared/services';

type ExportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly done: number; readonly total: number | null }
  | { readonly phase: 'finished'; readonly rows: number; readonly file: string }
  | { readonly phase: 'cancelled'; readonly done: number }
  | { readonly phase: 'failed'; readonly error: ContractError };

/**
 * Exports every exception matching the view: pages are fetched one after another (each within the resolver's
 * time and size limits), lines are built as they arrive, and the file is assembled in the browser at the end.
 */
export function CsvExport({ filter, sort }: { filter: RegisterFilter; sort: RegisterSort }) {
  const { api } = useServices();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const cancelled = useRef(false);
  useEffect(
    () => () => {
      cancelled.current = true;
    },
    [],
  );

  const run = async () => {
    cancelled.current = false;
    setState({ phase: 'running', done: 0, total: null });
    const parts: string[] = [BYTE_ORDER_MARK];
    let cursor: string | undefined;
    let done = 0;
    let day = '';
    for (;;) {
      const page = await api.call('register/export-page', { filter, sort, ...(cursor === undefined ? {} : { cursor }) });
      if (cancelled.current) {
        setState({ phase: 'cancelled', done });
        return;
      }
      if (!page.ok) {
        setState({ phase: 'failed', error: page.error });
        return;
      }
      if (parts.length === 1) {
        parts.push(csvLine(page.data.columns));
        day = page.data.generatedAt.slice(0, 10);
      }
      for (const row of page.data.rows) parts.push(csvLine(row));
      done += page.data.rows.length;
      setState({ phase: 'running', done, total: page.data.total });
      if (page.data.nextCursor === null) break;
      cursor = page.data.nextCursor;
    }
    const file = `security-exceptions-${day}.csv`;
    saveFile(file, parts, 'text/csv;charset=utf-8');
    setState({ phase: 'finished', rows: done, file });
  };

  return (
    <div className="ser-stack" aria-label="Export" role="group">
      <div className="ser-row">
        <Button isDisabled={state.phase === 'running'} onClick={() => void run()}>
          Export CSV
        </Button>
        {state.phase === 'running' && (
          <Button
            appearance="subtle"
            onClick={() => {
              cancelled.current = true;
            }}
          >
            Cancel export
          </Button>
        )}
      </div>
      {state.phase === 'running' && (
        <div className="ser-stack">
          <ProgressBar
            ariaLabel="Export progress"
            value={state.total === null || state.total === 0 ? 0 : state.done / state.total}
            isIndeterminate={state.total === null}
          />
          <span role="status">{state.total === null ? 'Starting export…' : `Exported ${state.done} of ${state.total} exceptions`}</span>
        </div>
      )}
      {state.phase === 'finished' && <span role="status">{`Exported ${state.rows} exceptions to ${state.file}`}</span>}
      {state.phase === 'cancelled' && <span role="status">{`Export cancelled after ${state.done} exceptions`}</span>}
      {state.phase === 'failed' && <ErrorMessage error={state.error} title="The export stopped" />}
    </div>
  );
}
