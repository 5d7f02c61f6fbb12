import type { ReactNode } from 'react';
import { Popover } from './Popover';

/**
 * A tooltip beside `anchor` (right of it, else left), drawn over
 * everything: for text a narrow place cannot show whole. The element that
 * owns it points at it with aria-describedby.
 */
export function Tooltip({ anchor, id, children }: { anchor: DOMRect; id: string; children: ReactNode }) {
  return (
    <Popover anchor={anchor} side="beside" role="tooltip" id={id} className="tooltip">
      {children}
    </Popover>
  );
}
