import { useCallback, useEffect, useState } from 'react';
import type { ContractError, RequestOf, ResolverKey, ResponseOf } from '@contract';
import { useServices } from './services';

export type ResolverState<K extends ResolverKey> =
  | { readonly status: 'loading' }
  | { readonly status: 'success'; readonly data: ResponseOf<K> }
  | { readonly status: 'failure'; readonly error: ContractError };

/**
 * Loads one resolver answer for the current request; a newer request supersedes an older one still in flight,
 * so a slow answer can never overwrite the result of a later filter. `null` defers the call.
 */
export function useResolver<K extends ResolverKey>(key: K, request: RequestOf<K> | null) {
  const { api } = useServices();
  const [state, setState] = useState<ResolverState<K>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const requestKey = request === null ? null : JSON.stringify(request);

  useEffect(() => {
    if (requestKey === null) return;
    let current = true;
    setState({ status: 'loading' });
    void api.call(key, JSON.parse(requestKey) as RequestOf<K>).then((envelope) => {
      if (!current) return;
      setState(envelope.ok ? { status: 'success', data: envelope.data } : { status: 'failure', error: envelope.error });
    });
    return () => {
      current = false;
    };
  }, [api, key, requestKey, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, reload };
}
