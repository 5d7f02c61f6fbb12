import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import type { AttributionRecord } from '../../../shared/rights/attributionRecord';
import { formatIsni, formatIsrc, formatIswc } from '../../../shared/rights/identifiers';
import { displayFingerprint } from '../../../shared/rights/displayFingerprint';
import { embedTypeface } from './pdfFonts';
import { PdfText } from './pdfText';

const A4 = [595.28, 841.89] as const;
const MARGIN = 46;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.78, 0.78, 0.8);

type Share = AttributionRecord['splits']['master'][number];

const percent = (bp: number) => `${(bp / 100).toFixed(2)} %`;
const minutes = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;

/** The party table's columns; the identifier and share columns are as wide as their widest cell, names and roles share the rest. */
const COLUMNS = ['Party', 'Role', 'IPI', 'ISNI', 'Share'] as const;
const FITTED = new Set([2, 3, 4]);

/** Roles as people write them ("composer-lyricist" → "composer & lyricist"). */
const roleWords = (role: string) => role.replace(/-/g, ' & ');

/**
 * Everything printed, laid out top to bottom at `size`: returns the height
 * used; draws only when `page` is given (first the height is measured, and
 * the size shrunk until the sheet fits on one page).
 */
function layout(record: AttributionRecord, text: PdfText, size: number, bundleName: string, page: PDFPage | null): number {
  const width = A4[0] - 2 * MARGIN;
  const line = size * 1.32;
  let y = A4[1] - MARGIN;
  const para = (content: string, options: { size?: number; bold?: boolean; color?: typeof INK; gap?: number } = {}) => {
    const s = options.size ?? size;
    for (const row of text.wrap(content, width, s, options.bold)) {
      y -= s * 1.32;
      if (page) text.draw(page, row, MARGIN, y, s, { bold: options.bold, color: options.color ?? INK });
    }
    y -= options.gap ?? 0;
  };
  const heading = (content: string) => {
    y -= size * 0.9;
    para(content, { size: size * 1.15, bold: true });
    y -= size * 0.25;
    page?.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.6, color: RULE });
    y -= size * 0.2;
  };
  const table = (shares: readonly Share[]) => {
    const cells = (share: Share | null): string[] =>
      share
        ? [share.name, roleWords(share.role), share.ipi ?? '—', share.isni ? formatIsni(share.isni) : '—', percent(share.shareBp)]
        : ['Total', '', '', '', percent(shares.reduce((sum, s) => sum + s.shareBp, 0))];
    const rows = [[...COLUMNS] as string[], ...shares.map((s) => cells(s)), cells(null)];
    // Both tables take their column widths from all parties, so their columns line up.
    const everyRow = [[...COLUMNS] as string[], ...[...record.splits.master, ...record.splits.publishing].map((s) => cells(s)), cells(null)];
    const gap = size * 1.2;
    const fitted = COLUMNS.map((_, c) => (FITTED.has(c) ? Math.max(...everyRow.map((row) => text.width(row[c]!, size, true))) + gap : 0));
    const rest = width - fitted.reduce((a, b) => a + b, 0);
    const widths = fitted.map((w, c) => (FITTED.has(c) ? w : c === 0 ? rest * 0.58 : rest * 0.42));
    for (const [index, values] of rows.entries()) {
      const strong = index === 0 || index === rows.length - 1;
      const wrapped = values.map((value, c) => text.wrap(value, widths[c]! - gap / 2, size, strong));
      const height = Math.max(...wrapped.map((w) => w.length)) * line;
      if (index === rows.length - 1) page?.drawLine({ start: { x: MARGIN, y: y - 1 }, end: { x: A4[0] - MARGIN, y: y - 1 }, thickness: 0.5, color: RULE });
      let x = MARGIN;
      wrapped.forEach((cellLines, c) => {
        cellLines.forEach((cellLine, i) => {
          // Shares line up on the right edge; everything else starts at its column.
          const at = c === COLUMNS.length - 1 ? x + widths[c]! - text.width(cellLine, size, strong) : x;
          if (page) text.draw(page, cellLine, at, y - line * (i + 1) + 2, size, { bold: strong, color: index === 0 ? MUTED : INK });
        });
        x += widths[c]!;
      });
      y -= height + (index === 0 ? 2 : 1);
    }
  };

  para('SPLIT SHEET', { size: size * 0.95, bold: true, color: MUTED });
  para(record.output.title, { size: size * 1.9, bold: true, gap: size * 0.2 });
  const kind = record.output.versionType === 'remix' ? 'Remix' : 'Cover';
  para(
    `${kind} by ${record.creator.name} · ${record.output.format.toUpperCase()}, ${minutes(record.output.durationSec)} · exported ${record.createdAt.slice(0, 10)}`,
  );
  para(`ISRC: ${record.output.isrc ? formatIsrc(record.output.isrc) : 'none assigned yet'} · Export id: ${record.exportId}`, { color: MUTED });

  heading('Sources');
  for (const source of record.sources) {
    const work = source.work;
    para(
      `“${source.recording.title}” by ${source.recording.displayArtist} — ISRC ${formatIsrc(source.recording.isrc)}, ${source.recording.label}; heard for ${source.audibleSeconds.toFixed(1)} s`,
    );
    para(`Composition “${work.title}”${work.iswc ? ` — ISWC ${formatIswc(work.iswc)}` : ''}; written by ${work.writers.map((w) => w.name).join(', ')}`, {
      color: MUTED,
      gap: size * 0.2,
    });
  }
  if (record.covered) {
    const work = record.covered.work;
    para(
      `Covers “${work.title}”${work.iswc ? ` (ISWC ${formatIswc(work.iswc)})` : ''}, originally recorded by ${record.covered.recording.displayArtist} (ISRC ${formatIsrc(record.covered.recording.isrc)}); written by ${work.writers.map((w) => w.name).join(', ')}`,
    );
  }
  if (record.ownRecordings.length) para(`The creator's own recordings: ${record.ownRecordings.map((r) => r.name).join(', ')}`, { color: MUTED });

  heading('Master (sound recording) — shares of master revenue');
  table(record.splits.master);
  heading('Publishing (composition) — shares of publishing revenue');
  table(record.splits.publishing);

  heading('Licences relied on');
  for (const licence of record.licences) para(`${licence.id} — ${licence.licensor} (${licence.type}); its terms in plain words: licences/${licence.id}.txt`);
  heading('How the shares were computed');
  for (const basis of record.splits.basis) para(basis, { color: MUTED });

  heading('Verification');
  const ledger = record.ledger;
  para(
    `Verify with: stemroom inspect "${bundleName}". Audio SHA-256 ${record.output.audioSha256}.${ledger ? ` Ledger entry ${ledger.position}, entry hash ${ledger.entryHash} (previous ${ledger.previousHash}).` : ''} The record is credits.json (canonical JSON, RFC 8785)${record.library ? `, signed with library key ${displayFingerprint(record.library.keyFingerprint)} (Ed25519)` : ''}.`,
    { size: size * 0.85, color: MUTED },
  );
  return A4[1] - MARGIN - y;
}

/**
 * The split sheet a creator sends a distributor: one A4 page with the
 * title, ISRC, sources, every party with role, IPI, ISNI and share in
 * master and publishing tables that each total 100 %, the licences relied
 * on and the line that verifies it all. Long names wrap; the type shrinks
 * until everything fits on the page. Deterministic for a record (its dates
 * are the export's).
 *
 * @example
 * fs.writeFileSync('split-sheet.pdf', await splitSheetPdf(record, 'Orchard flip (delivery)'));
 */
export async function splitSheetPdf(record: AttributionRecord, bundleName: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const created = new Date(record.createdAt);
  doc.setTitle(`Split sheet — ${record.output.title}`);
  doc.setSubject(`Stemroom export ${record.exportId}`);
  doc.setKeywords([record.exportId, record.output.audioSha256, ...(record.ledger ? [record.ledger.entryHash] : [])]);
  doc.setCreator('Stemroom');
  doc.setProducer(`Stemroom ${record.app.version}`);
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const everything = JSON.stringify([record.output.title, record.creator, record.sources, record.covered, record.splits, record.licences]);
  const text = new PdfText(await embedTypeface(doc, everything));
  const available = A4[1] - 2 * MARGIN;
  // The largest type size (10 pt down to 5.5, in quarter points) at which everything fits: a binary search.
  let [low, high] = [22, 40];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (layout(record, text, mid / 4, bundleName, null) <= available) low = mid;
    else high = mid - 1;
  }
  const size = low / 4;
  const page = doc.addPage([...A4]);
  layout(record, text, size, bundleName, page);
  if (text.missing > 0) {
    const note = 'Some names use characters this PDF has no font for (shown as ?); credits.json holds them exactly.';
    text.draw(page, note, MARGIN, MARGIN / 2, 7, { color: MUTED });
  }
  return doc.save({ useObjectStreams: false });
}
