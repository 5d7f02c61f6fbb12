const colors: Record<string, string> = {
  vocals: '#ff8fb1',
  drums: '#ffb84f',
  bass: '#8f7dff',
  keys: '#4fb3ff',
  guitar: '#47c98b',
  fx: '#c77dff',
  other: '#9aa3b2',
  recording: '#ff6b6b',
};

/**
 * One colour per stem kind, the same everywhere: catalog swatches, a new
 * project's track colours, the studio and analytics. Unknown kinds are "other".
 *
 * @example
 * stemColor('drums') // '#ffb84f'
 */
export function stemColor(kind: string): string {
  return colors[kind] ?? colors.other!;
}
