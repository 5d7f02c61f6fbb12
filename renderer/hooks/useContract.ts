import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import { useBridge } from '../app/BridgeContext';
import { notifications } from '../app/Notifications';

export interface ContractState<T> {
  readonly value: T | undefined;
  readonly error: string | undefined;
  readonly loading: boolean;
  reload(): void;
}

/**
 * Calls a contract channel whenever `request` changes (by value) and keeps
 * the latest answer; an older answer never overwrites a newer one. Errors
 * go to the status bar as well as to the caller.
 */
export function useContract<C extends Channel>(channel: C, request: RequestOf<C> | null): ContractState<ResponseOf<C>> {
  const bridge = useBridge();
  const [state, setState] = useState<{ value?: ResponseOf<C>; error?: string; loading: boolean }>({ loading: request !== null });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(request);

  useEffect(() => {
    if (request === null) return;
    const call = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    bridge.call(channel, request).then(
      (value) => call === latest.current && setState({ value, loading: false }),
      (error: Error) => {
        if (call !== latest.current) return;
        notifications.error(error.message);
        setState((s) => ({ ...s, error: error.message, loading: false }));
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bridge, channel, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { value: state.value, error: state.error, loading: state.loading, reload };
}
