/** 97.3 → "1:37"; with `precise`, "1:37.300". */
export function formatDuration(seconds: number, precise = false): string {
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  const minutes = Math.floor(s / 60);
  const rest = s - minutes * 60;
  const secondsText = precise ? rest.toFixed(3).padStart(6, '0') : String(Math.floor(rest)).padStart(2, '0');
  return `${sign}${minutes}:${secondsText}`;
}
