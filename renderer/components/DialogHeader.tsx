import type { ReactNode } from 'react';

/**
 * A dialog's title row: the heading (`id` labels the dialog) and its × button.
 *
 * @example
 * <DialogHeader id="export-title" title={`Export “${title}”`} closeLabel="Close export" onClose={onClose} />
 */
export function DialogHeader({ id, title, closeLabel, onClose }: { id: string; title: ReactNode; closeLabel: string; onClose: () => void }) {
  return (
    <header>
      <h2 id={id}>{title}</h2>
      <button type="button" className="link-button" aria-label={closeLabel} onClick={onClose}>
        ×
      </button>
    </header>
  );
}
