import type { ParseArgsConfig } from 'node:util';

/** A negative number: what `--normalize -14` or `--seed -3` hands a string option. */
const NEGATIVE_NUMBER = /^-(?:\d|\.\d)/;

/**
 * node:util parseArgs refuses `--opt -14` ("argument is ambiguous") because
 * the value starts with a dash — yet every LUFS target is negative. A
 * negative number after a string option is that option's value, so it is
 * joined as `--opt=-14` before parsing. Anything else starting with a dash
 * stays an option (a title such as "-x" still needs `--title=-x`).
 *
 * @example
 * joinNegativeValues(['ID', '--normalize', '-14'], { normalize: { type: 'string' } }); // ['ID', '--normalize=-14']
 */
export function joinNegativeValues(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const long = arg.startsWith('--') && !arg.includes('=') ? options[arg.slice(2)] : undefined;
    const short = /^-[A-Za-z]$/.test(arg) ? Object.entries(options).find(([, o]) => o.short === arg.slice(1)) : undefined;
    const option = long ? { name: arg.slice(2), config: long } : short ? { name: short[0], config: short[1] } : undefined;
    if (option && option.config.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`--${option.name}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}
