import { createContext, useContext } from 'react';
import type { Bridge } from '../bridge';

export const BridgeContext = createContext<Bridge | null>(null);

/** The contract client for components; provided once at the root. */
export function useBridge(): Bridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside <BridgeContext.Provider>');
  return bridge;
}
