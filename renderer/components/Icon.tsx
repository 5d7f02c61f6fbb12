const paths = {
  play: 'M7 4.5v15l12-7.5z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  stop: 'M6 6h12v12H6z',
  toStart: 'M5 5h2.5v14H5zM19 5v14L8.5 12z',
  loop: 'M7 7h9.5l-2-2 1.4-1.4L20.3 8l-4.4 4.4-1.4-1.4 2-2H7a2 2 0 0 0-2 2v2H3v-2a4 4 0 0 1 4-4zm10 10H7.5l2 2-1.4 1.4L3.7 16l4.4-4.4 1.4 1.4-2 2H17a2 2 0 0 0 2-2v-2h2v2a4 4 0 0 1-4 4z',
  metronome: 'M10 3h4l4.5 16.5a1 1 0 0 1-1 1.5h-11a1 1 0 0 1-1-1.5zm1.3 2L9.4 12l6.9-5.7 1.2 1.5-6.2 5.1L8 19h8L12.7 7.1 13.5 5z',
  split: 'M11 2h2v20h-2zM4 7l5 5-5 5zM20 7l-5 5 5 5z',
  undo: 'M8 7V3L2 9l6 6v-4h6a4 4 0 0 1 0 8h-3v2h3a6 6 0 0 0 0-12z',
  redo: 'M16 7V3l6 6-6 6v-4h-6a4 4 0 0 0 0 8h3v2h-3a6 6 0 0 1 0-12z',
  zoomIn: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
  zoomOut: 'M5 11h14v2H5z',
  record: 'M12 5a7 7 0 1 0 0 14 7 7 0 0 0 0-14z',
};

export type IconName = keyof typeof paths;

/** A small inline SVG icon (system fonts lack some transport glyphs). Decorative: buttons carry the label. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
