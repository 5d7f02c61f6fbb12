import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab can reach inside `root`, in order (hidden ones left out). */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);
}

/**
 * Dialog focus, as WAI-ARIA's dialog pattern has it: on opening, the focus
 * moves into `container` (to the element marked `data-autofocus`, else the
 * first control); Tab and Shift+Tab cycle inside it; Escape calls `onClose`;
 * on closing, the focus goes back to where it was (the button that opened it).
 *
 * @example
 * const card = useRef<HTMLDivElement>(null);
 * useFocusTrap(card, onClose);
 * return <div ref={card} role="dialog" aria-modal="true">…</div>;
 */
export function useFocusTrap(container: RefObject<HTMLElement | null>, onClose: () => void): void {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (root.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(root)[0] ?? root).focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables(root);
      const index = items.indexOf(document.activeElement as HTMLElement);
      const next = event.shiftKey ? (index <= 0 ? items.at(-1) : undefined) : index === -1 || index === items.length - 1 ? items[0] : undefined;
      if (items.length === 0 || next) {
        event.preventDefault();
        next?.focus();
      }
    };
    root.addEventListener('keydown', onKey);
    return () => {
      root.removeEventListener('keydown', onKey);
      if (previous?.isConnected) previous.focus();
    };
  }, [container]);
}
