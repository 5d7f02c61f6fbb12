import type { PDFFont, PDFPage, RGB } from 'pdf-lib';

/** A typeface: its regular and bold fonts, and fonts to fall back on for characters they lack. */
export interface Typeface {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  readonly fallbacks: readonly PDFFont[];
}

/** Character the fonts cannot draw at all (replaced, and the page says so). */
const REPLACEMENT = '?';

/**
 * Text on a PDF page with font fallback and word wrapping: each run of
 * characters is drawn with the first font that has their glyphs; a
 * character none has is drawn as "?" and counted in `missing`, so the page
 * can say that credits.json holds the exact text.
 */
export class PdfText {
  missing = 0;
  private readonly coverage = new Map<PDFFont, Set<number>>();

  constructor(private readonly face: Typeface) {}

  private covers(font: PDFFont, codePoint: number): boolean {
    let set = this.coverage.get(font);
    if (!set) this.coverage.set(font, (set = new Set(font.getCharacterSet())));
    return set.has(codePoint);
  }

  /** The text split into runs, each with the font that draws it, and how many characters no font has. */
  runs(text: string, bold: boolean): { runs: { font: PDFFont; text: string }[]; missing: number } {
    const primary = bold ? this.face.bold : this.face.regular;
    const runs: { font: PDFFont; text: string }[] = [];
    let missing = 0;
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      const font = [primary, ...this.face.fallbacks].find((f) => this.covers(f, codePoint));
      if (!font) missing++;
      const drawn = font ? char : REPLACEMENT;
      const runFont = font ?? primary;
      const last = runs.at(-1);
      if (last && last.font === runFont) last.text += drawn;
      else runs.push({ font: runFont, text: drawn });
    }
    return { runs, missing };
  }

  private readonly widths = new Map<string, number>();

  /** Width at `size` (cached: wrapping and fitting measure the same strings many times). */
  width(text: string, size: number, bold = false): number {
    const key = `${bold ? 'b' : 'r'}${size}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined)
      this.widths.set(key, (width = this.runs(text, bold).runs.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0)));
    return width;
  }

  /**
   * Lines of at most `width` points: breaks between words, and inside a
   * word only when the word alone is wider (long ids, names without spaces,
   * scripts written without spaces).
   */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/(?<=\s)/)) {
      if (this.width(line + word, size, bold) <= width) {
        line += word;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      for (const char of word) {
        if (line && this.width(line + char, size, bold) > width) {
          lines.push(line.trimEnd());
          line = '';
        }
        line += char;
      }
    }
    if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
    return lines;
  }

  /** Draws one line; counts characters no font has. */
  draw(page: PDFPage, text: string, x: number, y: number, size: number, options: { bold?: boolean; color?: RGB } = {}): void {
    let at = x;
    const { runs, missing } = this.runs(text, options.bold ?? false);
    this.missing += missing;
    for (const run of runs) {
      page.drawText(run.text, { x: at, y, size, font: run.font, ...(options.color ? { color: options.color } : {}) });
      at += run.font.widthOfTextAtSize(run.text, size);
    }
  }
}
