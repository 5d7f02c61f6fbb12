import type { CatalogPackageInput } from '../../shared/catalog/catalogPackageSchema';
import { isniCheckCharacter } from '../../shared/rights/identifiers';
import type { Song } from './Song';
import { secondsOf } from './Song';
import { copperSky } from './songs/copperSky';
import { glassOrchard } from './songs/glassOrchard';
import { nightFerry } from './songs/nightFerry';
import { lanternHarbour } from './songs/lanternHarbour';

/** A valid ISNI from 15 digits (fictional parties, real check characters). */
const isni = (digits: string) => digits + isniCheckCharacter(digits);

/** A valid ISWC from 9 digits. */
function iswc(digits: string): string {
  const sum = 1 + [...digits].reduce((total, d, i) => total + Number(d) * (i + 1), 0);
  return `T-${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}-${(10 - (sum % 10)) % 10}`;
}

type StemFiles = ReadonlyMap<string, { file: string; sha256: string }>;

export interface DemoPackage {
  readonly slug: string;
  readonly song: Song;
  manifest(files: StemFiles): CatalogPackageInput;
}

function recordingOf(song: Song, files: StemFiles) {
  return {
    title: song.title,
    bpm: song.bpm,
    key: song.key,
    durationMs: Math.round(secondsOf(song) * 1000),
    sections: song.sections.map((s) => ({ name: s.name, startMs: Math.round(((s.bar * 4 * 60) / song.bpm) * 1000) })),
    stems: song.stems.map((s) => ({ id: s.id, name: s.name, kind: s.kind, ...files.get(s.id)! })),
  };
}

/**
 * Three fictional labels, three licence situations:
 * Glass Orchard — remix and cover allowed worldwide.
 * Night Ferry — cover only; its master licence for remixes expired on 30 Jun 2026.
 * Copper Sky — remix allowed except the vocal stem, and not in Germany or France.
 * Lantern Harbour — the real-size one (10 stems, 3:29, 44.1 kHz): remix, cover and sample allowed worldwide.
 */
export const demoPackages: readonly DemoPackage[] = [
  {
    slug: 'ember-lane-glass-orchard',
    song: glassOrchard,
    manifest: (files) => ({
      format: 'stemroom-catalog/1',
      package: {
        id: 'ember-lane-2026-01',
        version: 1,
        title: 'Ember Lane Records — Glass Orchard stems',
        publisher: 'Ember Lane Records',
        createdAt: '2026-02-01T09:00:00Z',
      },
      parties: [
        { id: 'emb-p-mira-vale', name: 'Mira Vale', kind: 'person', isni: isni('000000047213851'), ipi: '00571238453' },
        { id: 'emb-p-theo-lindqvist', name: 'Theo Lindqvist', kind: 'person', isni: isni('000000038825167'), ipi: '00629917310' },
        { id: 'emb-p-northlight', name: 'Northlight Songs Ltd', kind: 'organisation', ipi: '00488120543' },
        { id: 'emb-p-ember-lane', name: 'Ember Lane Records', kind: 'organisation', isni: isni('000000041190735') },
      ],
      works: [
        {
          id: 'emb-w-glass-orchard',
          title: 'Glass Orchard',
          iswc: iswc('317452096'),
          writers: [
            { party: 'emb-p-mira-vale', role: 'composer-lyricist', shareBp: 5000 },
            { party: 'emb-p-theo-lindqvist', role: 'composer', shareBp: 5000 },
          ],
          publishers: [{ party: 'emb-p-northlight', shareBp: 10000 }],
        },
      ],
      recordings: [
        {
          id: 'emb-r-glass-orchard',
          work: 'emb-w-glass-orchard',
          isrc: 'ZZ-EMB-26-00017',
          displayArtist: 'Mira Vale',
          label: 'Ember Lane Records',
          releaseDate: '2026-03-06',
          masterOwners: [{ party: 'emb-p-ember-lane', shareBp: 10000 }],
          credits: [
            { party: 'emb-p-mira-vale', role: 'performer', instrument: 'vocals' },
            { party: 'emb-p-theo-lindqvist', role: 'producer' },
            { party: 'emb-p-theo-lindqvist', role: 'performer', instrument: 'guitar, keys' },
          ],
          ...recordingOf(glassOrchard, files),
        },
      ],
      licences: [
        {
          id: 'EMB-M-0017',
          licensor: 'emb-p-ember-lane',
          type: 'master',
          recording: 'emb-r-glass-orchard',
          uses: ['remix', 'cover', 'sample'],
          territories: { include: ['WORLD'] },
          validFrom: '2026-01-01',
          validUntil: '2027-12-31',
          creditText: 'Contains stems of "Glass Orchard" by Mira Vale, courtesy of Ember Lane Records.',
          revenue: { rightsHolderShareBp: 6000 },
        },
        {
          id: 'NLS-P-2291',
          licensor: 'emb-p-northlight',
          type: 'publishing',
          work: 'emb-w-glass-orchard',
          uses: ['remix', 'cover'],
          territories: { include: ['WORLD'] },
          validFrom: '2026-01-01',
          creditText: '"Glass Orchard" written by Mira Vale and Theo Lindqvist, published by Northlight Songs Ltd.',
          revenue: { rightsHolderShareBp: 10000 },
        },
      ],
    }),
  },
  {
    slug: 'saltmarsh-night-ferry',
    song: nightFerry,
    manifest: (files) => ({
      format: 'stemroom-catalog/1',
      package: {
        id: 'saltmarsh-2025-07',
        version: 1,
        title: 'Saltmarsh Records — Night Ferry stems',
        publisher: 'Saltmarsh Records',
        createdAt: '2025-07-01T09:00:00Z',
      },
      parties: [
        { id: 'slt-p-ada-okafor', name: 'Ada Okafor', kind: 'person', isni: isni('000000052294618'), ipi: '00701264878' },
        { id: 'slt-p-jonas-reed', name: 'Jonas Reed', kind: 'person', ipi: '00715508158' },
        { id: 'slt-p-lantern-club', name: 'The Lantern Club', kind: 'organisation', isni: isni('000000046637029') },
        { id: 'slt-p-harbour-lights', name: 'Harbour Lights Music', kind: 'organisation', ipi: '00390044283' },
        { id: 'slt-p-okafor-songs', name: 'Okafor Songs', kind: 'organisation', ipi: '00390077556' },
        { id: 'slt-p-saltmarsh', name: 'Saltmarsh Records', kind: 'organisation', isni: isni('000000040913382') },
      ],
      works: [
        {
          id: 'slt-w-night-ferry',
          title: 'Night Ferry',
          iswc: iswc('302118745'),
          writers: [
            { party: 'slt-p-ada-okafor', role: 'composer-lyricist', shareBp: 6000 },
            { party: 'slt-p-jonas-reed', role: 'composer', shareBp: 4000 },
          ],
          publishers: [
            { party: 'slt-p-harbour-lights', shareBp: 7000 },
            { party: 'slt-p-okafor-songs', shareBp: 3000 },
          ],
        },
      ],
      recordings: [
        {
          id: 'slt-r-night-ferry',
          work: 'slt-w-night-ferry',
          isrc: 'ZZ-SLT-25-00203',
          displayArtist: 'The Lantern Club',
          label: 'Saltmarsh Records',
          releaseDate: '2025-09-12',
          masterOwners: [
            { party: 'slt-p-lantern-club', shareBp: 5000 },
            { party: 'slt-p-saltmarsh', shareBp: 5000 },
          ],
          credits: [
            { party: 'slt-p-ada-okafor', role: 'performer', instrument: 'vocals' },
            { party: 'slt-p-lantern-club', role: 'performer' },
            { party: 'slt-p-jonas-reed', role: 'producer' },
          ],
          ...recordingOf(nightFerry, files),
        },
      ],
      licences: [
        {
          id: 'SLT-M-0203',
          licensor: 'slt-p-saltmarsh',
          type: 'master',
          recording: 'slt-r-night-ferry',
          uses: ['remix'],
          territories: { include: ['WORLD'] },
          validFrom: '2025-07-01',
          validUntil: '2026-06-30',
          creditText: 'Contains stems of "Night Ferry" by The Lantern Club, courtesy of Saltmarsh Records.',
          revenue: { rightsHolderShareBp: 7000 },
        },
        {
          id: 'HLM-P-0815',
          licensor: 'slt-p-harbour-lights',
          type: 'publishing',
          work: 'slt-w-night-ferry',
          uses: ['cover'],
          territories: { include: ['WORLD'] },
          validFrom: '2025-07-01',
          creditText: '"Night Ferry" written by Ada Okafor and Jonas Reed, published by Harbour Lights Music and Okafor Songs.',
          revenue: { rightsHolderShareBp: 10000 },
        },
      ],
    }),
  },
  {
    slug: 'kite-district-copper-sky',
    song: copperSky,
    manifest: (files) => ({
      format: 'stemroom-catalog/1',
      package: {
        id: 'kite-district-2026-04',
        version: 1,
        title: 'Kite District — Copper Sky stems',
        publisher: 'Kite District Ltd',
        createdAt: '2026-04-15T09:00:00Z',
      },
      parties: [
        { id: 'kd-p-sana-ilves', name: 'Sana Ilves', kind: 'person', isni: isni('000000049971120'), ipi: '00812230979' },
        { id: 'kd-p-ruben-achterberg', name: 'Ruben Achterberg', kind: 'person', ipi: '00812231192' },
        { id: 'kd-p-lio-marchetti', name: 'Lio Marchetti', kind: 'person', ipi: '00812239854' },
        { id: 'kd-p-kite-district', name: 'Kite District Ltd', kind: 'organisation', isni: isni('000000045518076') },
        { id: 'kd-p-brightwater', name: 'Brightwater Publishing', kind: 'organisation', ipi: '00455091262' },
      ],
      works: [
        {
          id: 'kd-w-copper-sky',
          title: 'Copper Sky',
          iswc: iswc('329664071'),
          writers: [
            { party: 'kd-p-sana-ilves', role: 'composer-lyricist', shareBp: 3334 },
            { party: 'kd-p-ruben-achterberg', role: 'composer', shareBp: 3333 },
            { party: 'kd-p-lio-marchetti', role: 'composer', shareBp: 3333 },
          ],
          publishers: [{ party: 'kd-p-brightwater', shareBp: 10000 }],
        },
      ],
      recordings: [
        {
          id: 'kd-r-copper-sky',
          work: 'kd-w-copper-sky',
          isrc: 'ZZ-KDL-26-00042',
          displayArtist: 'Kite District feat. Sana Ilves',
          label: 'Kite District Ltd',
          releaseDate: '2026-05-22',
          masterOwners: [{ party: 'kd-p-kite-district', shareBp: 10000 }],
          credits: [
            { party: 'kd-p-sana-ilves', role: 'featured', instrument: 'vocals' },
            { party: 'kd-p-ruben-achterberg', role: 'producer' },
            { party: 'kd-p-lio-marchetti', role: 'mixer' },
          ],
          ...recordingOf(copperSky, files),
        },
      ],
      licences: [
        {
          id: 'KD-M-0042',
          licensor: 'kd-p-kite-district',
          type: 'master',
          recording: 'kd-r-copper-sky',
          uses: ['remix'],
          territories: { include: ['WORLD'], exclude: ['DE', 'FR'] },
          validFrom: '2026-04-15',
          validUntil: '2028-04-14',
          creditText: 'Contains stems of "Copper Sky" by Kite District, courtesy of Kite District Ltd.',
          stemRules: [{ stem: 'kd-cs-vocals', rule: 'not-usable' }],
          revenue: { rightsHolderShareBp: 5000 },
        },
        {
          id: 'BWP-P-7781',
          licensor: 'kd-p-brightwater',
          type: 'publishing',
          work: 'kd-w-copper-sky',
          uses: ['remix'],
          territories: { include: ['WORLD'], exclude: ['DE', 'FR'] },
          validFrom: '2026-04-15',
          creditText: '"Copper Sky" written by Sana Ilves, Ruben Achterberg and Lio Marchetti, published by Brightwater Publishing.',
          revenue: { rightsHolderShareBp: 10000 },
        },
      ],
    }),
  },
  {
    slug: 'tidewater-lantern-harbour',
    song: lanternHarbour,
    manifest: (files) => ({
      format: 'stemroom-catalog/1',
      package: {
        id: 'tidewater-2026-09',
        version: 1,
        title: 'Tidewater Records — Lantern Harbour stems',
        publisher: 'Tidewater Records',
        createdAt: '2026-09-01T09:00:00Z',
      },
      parties: [
        { id: 'tdw-p-noor-halden', name: 'Noor Halden', kind: 'person', isni: isni('000000051187342'), ipi: '00634418257' },
        { id: 'tdw-p-emil-sato', name: 'Emil Sato', kind: 'person', ipi: '00634419058' },
        { id: 'tdw-p-quayside', name: 'Quayside Music Publishing', kind: 'organisation', ipi: '00471182366' },
        { id: 'tdw-p-tidewater', name: 'Tidewater Records', kind: 'organisation', isni: isni('000000043362185') },
      ],
      works: [
        {
          id: 'tdw-w-lantern-harbour',
          title: 'Lantern Harbour',
          iswc: iswc('341207758'),
          writers: [
            { party: 'tdw-p-noor-halden', role: 'composer-lyricist', shareBp: 5500 },
            { party: 'tdw-p-emil-sato', role: 'composer', shareBp: 4500 },
          ],
          publishers: [{ party: 'tdw-p-quayside', shareBp: 10000 }],
        },
      ],
      recordings: [
        {
          id: 'tdw-r-lantern-harbour',
          work: 'tdw-w-lantern-harbour',
          isrc: 'ZZ-TDW-26-00108',
          displayArtist: 'Noor Halden',
          label: 'Tidewater Records',
          releaseDate: '2026-10-02',
          masterOwners: [{ party: 'tdw-p-tidewater', shareBp: 10000 }],
          credits: [
            { party: 'tdw-p-noor-halden', role: 'performer', instrument: 'vocals' },
            { party: 'tdw-p-emil-sato', role: 'producer' },
            { party: 'tdw-p-emil-sato', role: 'performer', instrument: 'piano, guitar, synths' },
          ],
          ...recordingOf(lanternHarbour, files),
        },
      ],
      licences: [
        {
          id: 'TDW-M-0108',
          licensor: 'tdw-p-tidewater',
          type: 'master',
          recording: 'tdw-r-lantern-harbour',
          uses: ['remix', 'cover', 'sample'],
          territories: { include: ['WORLD'] },
          validFrom: '2026-01-01',
          creditText: 'Contains stems of "Lantern Harbour" by Noor Halden, courtesy of Tidewater Records.',
          revenue: { rightsHolderShareBp: 6000 },
        },
        {
          id: 'QMP-P-3310',
          licensor: 'tdw-p-quayside',
          type: 'publishing',
          work: 'tdw-w-lantern-harbour',
          uses: ['remix', 'cover'],
          territories: { include: ['WORLD'] },
          validFrom: '2026-01-01',
          creditText: '"Lantern Harbour" written by Noor Halden and Emil Sato, published by Quayside Music Publishing.',
          revenue: { rightsHolderShareBp: 10000 },
        },
      ],
    }),
  },
];
