/** Typographic characters with a plain ASCII spelling (before Unicode decomposition, which has none for them). */
const SPELLINGS: Record<string, string> = {
  '—': '-',
  '–': '-',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '′': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '″': '"',
  '«': '"',
  '»': '"',
  '…': '...',
  '•': '*',
  '·': '.',
  '×': 'x',
  '℗': '(P)',
  '©': '(C)',
  '®': '(R)',
  '™': '(TM)',
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Ø: 'O',
  ø: 'o',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Þ: 'Th',
  þ: 'th',
  ı: 'i',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
};

/**
 * Typographic punctuation and symbols spelled in ASCII (— → -, ℗ → (P),
 * “ ” → "), letters of every script kept.
 *
 * @example
 * plainPunctuation('℗ 2026 Mira — 東京'); // '(P) 2026 Mira - 東京'
 */
export function plainPunctuation(text: string): string {
  return text.replace(
    /[\u2010-\u2015\u2018-\u201e\u2022\u2026\u2032\u2033\u2122\u2117\u2212\u00a0\u2009\u202f\u00a9\u00ae\u00ab\u00bb\u00d7\u00b7]/g,
    (c) => SPELLINGS[c] ?? c,
  );
}

/**
 * Text for ASCII-only fields (BWF `bext` Description, Originator…, EBU
 * Tech 3285): typographic punctuation spelled out (— → -, ℗ → (P)),
 * accents removed (é → e), anything else without an ASCII spelling (CJK,
 * Cyrillic, emoji) left out, spaces collapsed, then cut to `maxBytes`
 * (= characters, since every one is a byte).
 *
 * @example
 * asciiText('Café — ℗ 2026', 256); // 'Cafe - (P) 2026'
 * asciiText('ガラス — Remix', 256); // 'Remix'
 */
export function asciiText(text: string, maxBytes: number): string {
  const spelled = [...text]
    .map((c) => SPELLINGS[c] ?? c)
    .join('')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  let ascii = spelled
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  // Where words were left out, the punctuation that joined them to the rest goes too ("東京 — Remix" → "Remix").
  if (/[^\x20-\x7e]/.test(spelled)) ascii = ascii.replace(/^[\s\-,;:/]+|[\s\-,;:/]+$/g, '');
  return ascii.slice(0, maxBytes).trimEnd();
}
