/**
 * `npx tsx bench/commandEval/printEval.ts [tuning|heldout] [--all]`: the
 * evaluation in words — each sentence the interpreter missed (or every
 * sentence with --all) with its top candidates. For tuning on the tuning
 * part; the held-out part is for reporting.
 */
import { interpretCommand } from '../../shared/command/interpretCommand';
import { evaluate } from './evaluate';
import { loadEvalSet } from './evalSet';

const part = process.argv[2] === 'heldout' ? 'heldout' : 'tuning';
const summary = evaluate(loadEvalSet(part), (text, document, rights) =>
  interpretCommand(text, { document, rights }).candidates.map((c) => ({ description: c.description, commands: c.commands, allowed: c.licence.allowed })),
);
for (const r of summary.results) {
  if (r.hit === 1 && r.licenceAgrees !== false && !process.argv.includes('--all')) continue;
  console.log(`${r.id} ${r.hit === null ? 'MISS' : `#${r.hit}`}${r.licenceAgrees === false ? ' LICENCE' : ''} "${r.text}" (${r.milliseconds.toFixed(1)} ms)`);
  for (const line of r.top) console.log(`      ${line}`);
}
console.log(
  `${part}: ${summary.entries} sentences, top-1 ${(summary.top1 * 100).toFixed(1)} %, top-5 ${(summary.top5 * 100).toFixed(1)} %, licence ${summary.licenceAgreed}/${summary.licenceChecked}, median ${summary.medianMs.toFixed(2)} ms, p95 ${summary.p95Ms.toFixed(2)} ms, max ${summary.maxMs.toFixed(2)} ms`,
);
