import { UsageError } from './Command';

export interface NumberOptionRule {
  /** Whole numbers only. */
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** What the option takes, for the error line, e.g. "a loudness in LUFS, e.g. -14". */
  readonly takes: string;
}

/** Plain decimal numbers: "-14", "0.02", "320". Not "", " 5", "0x10", "1e3", "Infinity". */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A numeric option's value, read strictly: `Number()` alone would take
 * "" as 0 and "0x10" as 16. Undefined when the option was not given.
 *
 * @example
 * numberOption(values, 'normalize', { min: -70, max: 0, takes: 'a loudness in LUFS, e.g. -14' }); // "-14" → -14
 */
export function numberOption(values: Readonly<Record<string, unknown>>, name: string, rule: NumberOptionRule): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const text = String(raw);
  const value = Number(text);
  const fits =
    DECIMAL.test(text) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max);
  if (!fits) throw new UsageError(`--${name} takes ${rule.takes}, not "${text}"`);
  return value;
}
