import type { Note } from '../midiFile';
import { chord, drumBar, DRUM, GM, melody, pitch, random } from '../music';
import type { Song } from '../Song';

/**
 * The real-size demo: 92 BPM, D major, 80 bars (3:29), ten stems, 44.1 kHz —
 * the size of a catalog song, so the everyday path (import, open, play,
 * export) is the real one. Intro · Verse · Chorus · Verse · Chorus · Bridge ·
 * Chorus · Outro.
 */
type Quality = 'maj' | 'min' | 'sus4' | 'add9';
type Section = { readonly name: string; readonly bars: number; readonly chords: readonly [string, Quality][] };

const sections: readonly Section[] = [
  {
    name: 'Intro',
    bars: 8,
    chords: [
      ['D3', 'add9'],
      ['A2', 'sus4'],
      ['B2', 'min'],
      ['G2', 'maj'],
    ],
  },
  {
    name: 'Verse 1',
    bars: 16,
    chords: [
      ['B2', 'min'],
      ['G2', 'maj'],
      ['D3', 'maj'],
      ['A2', 'maj'],
    ],
  },
  {
    name: 'Chorus',
    bars: 8,
    chords: [
      ['D3', 'maj'],
      ['A2', 'maj'],
      ['B2', 'min'],
      ['G2', 'maj'],
    ],
  },
  {
    name: 'Verse 2',
    bars: 16,
    chords: [
      ['B2', 'min'],
      ['G2', 'maj'],
      ['D3', 'maj'],
      ['A2', 'maj'],
    ],
  },
  {
    name: 'Chorus 2',
    bars: 8,
    chords: [
      ['D3', 'maj'],
      ['A2', 'maj'],
      ['B2', 'min'],
      ['G2', 'maj'],
    ],
  },
  {
    name: 'Bridge',
    bars: 8,
    chords: [
      ['G2', 'maj'],
      ['A2', 'maj'],
      ['F#2', 'min'],
      ['B2', 'min'],
      ['E2', 'min'],
      ['G2', 'maj'],
      ['A2', 'sus4'],
      ['A2', 'maj'],
    ],
  },
  {
    name: 'Chorus 3',
    bars: 8,
    chords: [
      ['D3', 'maj'],
      ['A2', 'maj'],
      ['B2', 'min'],
      ['G2', 'maj'],
    ],
  },
  {
    name: 'Outro',
    bars: 8,
    chords: [
      ['D3', 'add9'],
      ['A2', 'sus4'],
      ['B2', 'min'],
      ['G2', 'maj'],
    ],
  },
];

/** Every bar of the song: its section, the bar within the section, and its chord. */
const timeline = sections.flatMap((section, s) => {
  const start = sections.slice(0, s).reduce((n, x) => n + x.bars, 0);
  return Array.from({ length: section.bars }, (_, i) => ({ bar: start + i, section, inSection: i, chord: section.chords[i % section.chords.length]! }));
});
const bars = timeline.length;
const isChorus = (name: string) => name.startsWith('Chorus');

function drums(): Note[] {
  const rand = random(41);
  const notes: Note[] = [];
  for (const { bar, section, inSection } of timeline) {
    const last = inSection === section.bars - 1;
    if (section.name === 'Intro') {
      if (inSection >= 4) notes.push(...drumBar(bar, { [DRUM.kick]: 'x.......x.......', [DRUM.closedHat]: '..x...x...x...x.' }, 16, 72, rand));
    } else if (section.name === 'Outro') {
      notes.push(...drumBar(bar, { [DRUM.kick]: inSection < 6 ? 'x.......x.......' : 'x...............', [DRUM.ride]: 'x...x...x...x...' }, 16, 70, rand));
    } else if (section.name === 'Bridge') {
      notes.push(...drumBar(bar, { [DRUM.kick]: 'x...x...x...x...', [DRUM.rim]: '....x.......x...', [DRUM.closedHat]: 'x.x.x.x.x.x.x.x.' }, 16, 80, rand));
    } else if (isChorus(section.name)) {
      notes.push(
        ...drumBar(
          bar,
          { [DRUM.kick]: 'x.....x.x.x.....', [DRUM.snare]: '....o.......o...', [DRUM.openHat]: '..x...x...x...x.', [DRUM.closedHat]: 'x...x...x...x...' },
          16,
          98,
          rand,
        ),
      );
    } else {
      notes.push(...drumBar(bar, { [DRUM.kick]: 'x.....x...x.....', [DRUM.snare]: '....o.......o...', [DRUM.closedHat]: 'x.x.x.x.x.x.x.xx' }, 16, 88, rand));
    }
    if (last && section.name !== 'Outro') notes.push(...drumBar(bar, { [DRUM.tomMid]: '........x.x.....', [DRUM.tomLow]: '............x.xx' }, 16, 92, rand));
    if (inSection === 0 && section.name !== 'Intro') notes.push({ beat: bar * 4, beats: 1, pitch: DRUM.crash, velocity: 104 });
  }
  return notes;
}

function percussion(): Note[] {
  const rand = random(43);
  const notes: Note[] = [];
  for (const { bar, section } of timeline) {
    if (section.name === 'Intro' || section.name === 'Outro') continue;
    notes.push(...drumBar(bar, { [DRUM.shaker]: 'xxxxxxxxxxxxxxxx' }, 16, isChorus(section.name) ? 78 : 62, rand));
    if (isChorus(section.name)) notes.push(...drumBar(bar, { [DRUM.clap]: '....x.......x...' }, 16, 84, rand));
  }
  return notes;
}

function bass(): Note[] {
  const notes: Note[] = [];
  for (const {
    bar,
    section,
    chord: [root],
  } of timeline) {
    if (section.name === 'Intro' && bar < 4) continue;
    const r = pitch(root.replace(/\d/, '2'));
    const rhythm = isChorus(section.name) ? [0, 0.75, 1.5, 2, 2.5, 3.5] : section.name === 'Bridge' ? [0, 2] : [0, 1.5, 2.5];
    rhythm.forEach((beat, i) =>
      notes.push({ beat: bar * 4 + beat, beats: section.name === 'Bridge' ? 1.9 : 0.45, pitch: i % 3 === 2 ? r + 7 : r, velocity: 96 }),
    );
  }
  return notes;
}

function piano(): Note[] {
  const notes: Note[] = [];
  for (const {
    bar,
    section,
    chord: [root, quality],
  } of timeline) {
    const voicing = chord(root.replace(/\d/, '4'), quality).map((p) => p - 12);
    const hits = section.name === 'Intro' || section.name === 'Outro' ? [0, 2] : isChorus(section.name) ? [0, 1, 1.5, 2.5, 3, 3.5] : [0, 1.5, 2.5, 3.5];
    for (const beat of hits) for (const p of voicing) notes.push({ beat: bar * 4 + beat, beats: hits.length === 2 ? 1.9 : 0.45, pitch: p, velocity: 70 });
  }
  return notes;
}

function pad(): Note[] {
  const notes: Note[] = [];
  for (const {
    bar,
    section,
    chord: [root, quality],
  } of timeline) {
    if (section.name.startsWith('Verse 1')) continue;
    for (const p of chord(root.replace(/\d/, '3'), quality))
      notes.push({ beat: bar * 4, beats: 3.95, pitch: p, velocity: section.name === 'Bridge' ? 82 : 64 });
  }
  return notes;
}

function guitar(): Note[] {
  const notes: Note[] = [];
  for (const {
    bar,
    section,
    chord: [root, quality],
  } of timeline) {
    if (section.name === 'Intro' || section.name === 'Verse 1' || section.name === 'Outro') continue;
    const tones = chord(root.replace(/\d/, '4'), quality);
    [0, 1, 2, 1, 0, 2, 1, 2].forEach((t, i) =>
      notes.push({ beat: bar * 4 + i * 0.5, beats: 0.45, pitch: tones[t % tones.length]!, velocity: 70 + (i % 2) * 8 }),
    );
  }
  return notes;
}

const verseLine = 'F#4:1 F#4:0.5 E4:0.5 D4:1 E4:1  F#4:1.5 A4:0.5 F#4:2  -:0.5 E4:0.5 D4:1 E4:1 F#4:1  E4:2 C#4:1 -:1';
const chorusLine = 'A4:1 B4:1 A4:1 F#4:1  E4:1.5 D4:0.5 E4:2  F#4:1 A4:1 D5:1.5 C#5:0.5  B4:2 A4:2  A4:1 B4:1 A4:1 F#4:1  E4:1.5 F#4:0.5 D4:2  -:4  -:4';

function leadVocal(): Note[] {
  const notes: Note[] = [];
  for (const { bar, section, inSection } of timeline) {
    if (inSection !== 0) continue;
    if (section.name.startsWith('Verse'))
      for (let phrase = 0; phrase < section.bars / 4; phrase++) notes.push(...melody((bar + phrase * 4) * 4, verseLine, phrase % 2 ? 88 : 92));
    if (isChorus(section.name)) notes.push(...melody(bar * 4, chorusLine, 100));
    if (section.name === 'Bridge') notes.push(...melody(bar * 4, 'B4:2 A4:2  F#4:3 -:1  G4:1 A4:1 B4:2  C#5:4  B4:2 A4:2  G4:2 E4:2  E4:4  -:4', 90));
  }
  return notes;
}

function backingVocals(): Note[] {
  const notes: Note[] = [];
  for (const {
    bar,
    section,
    chord: [root, quality],
  } of timeline) {
    if (!isChorus(section.name) && section.name !== 'Bridge') continue;
    const [, third, fifth] = chord(root.replace(/\d/, '4'), quality);
    for (const p of [third!, fifth!]) notes.push({ beat: bar * 4, beats: 3.9, pitch: p, velocity: 70 });
  }
  return notes;
}

function synthLead(): Note[] {
  const notes: Note[] = [];
  for (const { bar, section, inSection } of timeline) {
    if (inSection % 2 !== 0) continue;
    if (section.name === 'Intro' || section.name === 'Outro') notes.push(...melody(bar * 4, 'D5:0.5 E5:0.5 F#5:1 A5:1 F#5:1  E5:2 C#5:2', 76));
    if (section.name === 'Chorus 3') notes.push(...melody(bar * 4, 'A5:0.5 B5:0.5 A5:0.5 F#5:0.5 E5:1 D5:1  E5:1 F#5:1 A5:2', 74));
  }
  return notes;
}

function atmosphere(): Note[] {
  const notes: Note[] = [];
  for (const { bar, section, inSection } of timeline) {
    if (inSection % 4 !== 0) continue;
    if (section.name === 'Intro' || section.name === 'Bridge' || section.name === 'Outro')
      notes.push({ beat: bar * 4, beats: 15.5, pitch: pitch('D5'), velocity: 60 }, { beat: bar * 4 + 2, beats: 13, pitch: pitch('A5'), velocity: 52 });
  }
  return notes;
}

export const lanternHarbour: Song = {
  slug: 'lantern-harbour',
  title: 'Lantern Harbour',
  bpm: 92,
  key: 'D major',
  bars,
  sampleRate: 44100,
  sections: sections.map((s, i) => ({ name: s.name, bar: sections.slice(0, i).reduce((n, x) => n + x.bars, 0) })),
  stems: [
    { id: 'tdw-lh-drums', name: 'Drums', kind: 'drums', part: { program: 0, drums: true, notes: drums(), volume: 112 } },
    { id: 'tdw-lh-percussion', name: 'Percussion', kind: 'drums', part: { program: 0, drums: true, notes: percussion(), volume: 90, pan: 90 } },
    { id: 'tdw-lh-bass', name: 'Bass', kind: 'bass', part: { program: GM.fingerBass, notes: bass(), volume: 112 } },
    { id: 'tdw-lh-piano', name: 'Piano', kind: 'keys', part: { program: GM.acousticGrand, notes: piano(), volume: 92, pan: 48 } },
    { id: 'tdw-lh-pad', name: 'Strings pad', kind: 'keys', part: { program: GM.strings, notes: pad(), volume: 84, pan: 70 } },
    { id: 'tdw-lh-guitar', name: 'Guitar', kind: 'guitar', part: { program: GM.cleanGuitar, notes: guitar(), volume: 88, pan: 88 } },
    { id: 'tdw-lh-vocals', name: 'Lead vocal', kind: 'vocals', part: { program: GM.voiceOohs, notes: leadVocal(), volume: 116 } },
    { id: 'tdw-lh-backing', name: 'Backing vocals', kind: 'vocals', part: { program: GM.choirAahs, notes: backingVocals(), volume: 86, pan: 40 } },
    { id: 'tdw-lh-lead', name: 'Synth lead', kind: 'keys', part: { program: GM.saw, notes: synthLead(), volume: 80, pan: 76 } },
    { id: 'tdw-lh-atmosphere', name: 'Atmosphere', kind: 'fx', part: { program: GM.fxAtmosphere, notes: atmosphere(), volume: 78 } },
  ],
};
