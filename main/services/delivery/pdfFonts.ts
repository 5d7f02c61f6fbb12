import fs from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import type { Typeface } from './pdfText';

/**
 * Single-file fonts with CJK and other scripts DejaVu lacks, where desktop
 * systems keep them (collections — .ttc — are not embeddable by pdf-lib).
 */
const FALLBACK_FONTS = [
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/usr/share/fonts/truetype/droid/DroidSansFallback.ttf',
  '/usr/share/fonts/opentype/noto/NotoSansCJKjp-Regular.otf',
  '/System/Library/Fonts/Supplemental/Arial Unicode.ttf',
  '/Library/Fonts/Arial Unicode.ttf',
  'C:\\Windows\\Fonts\\ARIALUNI.TTF',
];

/**
 * DejaVu Sans (regular and bold, from the dejavu-fonts-ttf package:
 * Latin, Greek, Cyrillic and more), subset into the PDF; plus, when `text`
 * needs characters DejaVu lacks, the first system fallback font found.
 */
export async function embedTypeface(doc: PDFDocument, text: string): Promise<Typeface> {
  doc.registerFontkit(fontkit);
  const require = createRequire(import.meta.url);
  const load = (name: string) => fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
  const regular = await doc.embedFont(load('DejaVuSans.ttf'), { subset: true });
  const bold = await doc.embedFont(load('DejaVuSans-Bold.ttf'), { subset: true });
  const covered = new Set(regular.getCharacterSet());
  const needsMore = [...text].some((c) => !covered.has(c.codePointAt(0)!) && c.trim() !== '');
  const fallbacks = [];
  if (needsMore) {
    const found = FALLBACK_FONTS.find((file) => fs.existsSync(file));
    if (found) fallbacks.push(await doc.embedFont(fs.readFileSync(found), { subset: true }));
  }
  return { regular, bold, fallbacks };
}
