import Button from '@atlaskit/button/new';
import { useState } from 'react';
import { REGISTER_PAGE_SIZES, type RegisterListRequest } from '@contract';
import { ErrorMessage, Loading } from '../../shared/feedback';
import { useResolver } from '../../shared/use-resolver';
import { CsvExport } from './CsvExport';
import { FilterForm } from './FilterForm';
import { RegisterTable } from './RegisterTable';
import { DEFAULT_QUERY, formatRegisterQuery, type RegisterQuery } from './register-query';

/** Filters, the table of matching exceptions page by page, and the export of all of them. */
export function ExceptionsTab({ query, onChange }: { query: RegisterQuery; onChange: (next: RegisterQuery) => void }) {
  return (
    <>
      {/* Keyed by the filter so back and forward in the product URL also reset what the form shows. */}
      <FilterForm
        key={`filter${formatRegisterQuery({ ...DEFAULT_QUERY, filter: query.filter })}`}
        filter={query.filter}
        onApply={(filter) => onChange({ ...query, filter })}
      />
      {/* A new view starts again at its first page: cursors belong to the filter and sort that minted them. */}
      <ResultPages key={`pages${formatRegisterQuery({ ...query, tab: 'exceptions' })}`} query={query} onChange={onChange} />
    </>
  );
}

function ResultPages({ query, onChange }: { query: RegisterQuery; onChange: (next: RegisterQuery) => void }) {
  // Cursors of the pages before the current one; the first page has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const request: RegisterListRequest = {
    filter: query.filter,
    sort: query.sort,
    pageSize: query.pageSize,
    ...(cursor === undefined ? {} : { cursor }),
  };
  const { state } = useResolver('register/list', request);
  const pageIndex = cursors.length - 1;

  return (
    <section aria-label="Matching exceptions" className="ser-stack">
      <div className="ser-row">
        <CsvExport filter={query.filter} sort={query.sort} />
        <div role="group" aria-label="Rows per page" className="ser-row">
          {REGISTER_PAGE_SIZES.map((size) => (
            <Button key={size} isSelected={size === query.pageSize} onClick={() => onChange({ ...query, pageSize: size })}>
              {`${size} per page`}
            </Button>
          ))}
        </div>
      </div>
      {state.status === 'loading' && <Loading label="Loading exceptions" />}
      {state.status === 'failure' && <ErrorMessage error={state.error} title="The register could not be loaded" />}
      {state.status === 'success' && (
        <>
          <p aria-live="polite">
            {state.data.total === 0
              ? 'No exception matches these filters.'
              : `Showing ${pageIndex * query.pageSize + 1}–${pageIndex * query.pageSize + state.data.rows.length} of ${state.data.total} (as of ${state.data.asOf})`}
          </p>
          {state.data.rows.length > 0 && (
            <RegisterTable rows={state.data.rows} sort={query.sort} onSort={(sort) => onChange({ ...query, sort })} />
          )}
          <nav aria-label="Pages" className="ser-row">
            <Button isDisabled={pageIndex === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Previous page
            </Button>
            <Button
              isDisabled={state.data.nextCursor === null}
              onClick={() => {
                const next = state.data.nextCursor;
                if (next !== null) setCursors((c) => [...c, next]);
              }}
            >
              Next page
            </Button>
          </nav>
        </>
      )}
    </section>
  );
}
