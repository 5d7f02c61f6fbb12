import { useEffect } from 'react';
import { useBridge } from '../app/BridgeContext';

type Area = 'catalog' | 'projects' | 'exports' | 'plays';

/** Runs `onChange` when the services say an area of the library changed (another window, the CLI, an import). */
export function useLibraryChanged(area: Area, onChange: () => void): void {
  const bridge = useBridge();
  useEffect(() => bridge.on('library.changed', (event) => event.area === area && onChange()), [bridge, area, onChange]);
}
