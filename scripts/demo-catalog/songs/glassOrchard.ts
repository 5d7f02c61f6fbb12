import type { Note } from '../midiFile';
import { chord, drumBar, DRUM, GM, melody, pitch, random } from '../music';
import type { Song } from '../Song';

// 100 BPM, A minor, indie pop. Intro · Verse · Chorus · Outro.
const progression: [string, 'min' | 'maj'][] = [
  ['A2', 'min'],
  ['F2', 'maj'],
  ['A2', 'min'],
  ['F2', 'maj'],
  ['C3', 'maj'],
  ['G2', 'maj'],
  ['A2', 'min'],
  ['F2', 'maj'],
  ['C3', 'maj'],
  ['G2', 'maj'],
  ['A2', 'min'],
  ['F2', 'maj'],
  ['C3', 'maj'],
  ['G2', 'maj'],
  ['A2', 'min'],
  ['A2', 'min'],
];
const bars = progression.length;

function drums(): Note[] {
  const rand = random(11);
  const notes: Note[] = [];
  for (let bar = 0; bar < bars; bar++) {
    if (bar < 2) notes.push(...drumBar(bar, { [DRUM.closedHat]: 'x.x.x.x.x.x.x.x.', [DRUM.kick]: 'x.......x.......' }, 16, 70, rand));
    else if (bar < 8)
      notes.push(...drumBar(bar, { [DRUM.kick]: 'x.....x...x.....', [DRUM.snare]: '....o.......o...', [DRUM.closedHat]: 'x.x.x.x.x.x.x.xx' }, 16, 88, rand));
    else if (bar < 14)
      notes.push(
        ...drumBar(
          bar,
          { [DRUM.kick]: 'x.....x.x.x.....', [DRUM.snare]: '....o.......o..x', [DRUM.openHat]: '..x...x...x...x.', [DRUM.closedHat]: 'x...x...x...x...' },
          16,
          96,
          rand,
        ),
      );
    else notes.push(...drumBar(bar, { [DRUM.ride]: 'x...x...x...x...', [DRUM.kick]: bar === 14 ? 'x...............' : '................' }, 16, 70, rand));
    if (bar === 7 || bar === 13) notes.push(...drumBar(bar, { [DRUM.tomMid]: '........x.x.....', [DRUM.tomLow]: '............x.x.' }, 16, 90, rand));
    if (bar === 2 || bar === 8) notes.push({ beat: bar * 4, beats: 1, pitch: DRUM.crash, velocity: 100 });
  }
  return notes;
}

function bass(): Note[] {
  const notes: Note[] = [];
  progression.forEach(([root], bar) => {
    if (bar < 2) return;
    const r = pitch(root) - 12 + 12;
    const rhythm = bar < 8 ? [0, 1.5, 2.5] : [0, 0.75, 1.5, 2, 2.5, 3.5];
    rhythm.forEach((beat, i) => notes.push({ beat: bar * 4 + beat, beats: 0.45, pitch: i % 3 === 2 ? r + 7 : r, velocity: 95 }));
  });
  return notes;
}

function keys(): Note[] {
  const notes: Note[] = [];
  progression.forEach(([root, quality], bar) => {
    const voicing = chord(root.replace(/\d/, '4'), quality).map((p, i) => (i === 0 ? p : p));
    const hits = bar < 2 || bar >= 14 ? [0, 2] : [0, 1.5, 2.5, 3.5];
    for (const beat of hits) for (const p of voicing) notes.push({ beat: bar * 4 + beat, beats: bar >= 14 ? 1.9 : 0.9, pitch: p - 12, velocity: 72 });
  });
  return notes;
}

function guitar(): Note[] {
  const notes: Note[] = [];
  progression.forEach(([root, quality], bar) => {
    if (bar < 8 || bar >= 14) return;
    const tones = chord(root.replace(/\d/, '4'), quality);
    const order = [0, 1, 2, 1, 0, 2, 1, 2];
    order.forEach((t, i) => notes.push({ beat: bar * 4 + i * 0.5, beats: 0.45, pitch: tones[t]!, velocity: 70 + (i % 2) * 8 }));
  });
  return notes;
}

function vocals(): Note[] {
  return [
    ...melody(
      2 * 4,
      '-:1 E4:1 C4:0.5 D4:0.5 E4:1  F4:1.5 E4:0.5 C4:2  -:0.5 G4:0.5 E4:1 D4:1 C4:1  D4:2 B3:1 -:1  E4:1 E4:0.5 G4:0.5 A4:1 G4:1  F4:1 E4:1 D4:2',
    ),
    ...melody(8 * 4, 'G4:1 C5:1.5 B4:0.5 A4:1  B4:2 G4:1 -:1  A4:1 C5:1 E5:1.5 D5:0.5  C5:2 A4:2  G4:1 E4:1 G4:1 C5:1  B4:3 -:1', 100),
  ];
}

export const glassOrchard: Song = {
  slug: 'glass-orchard',
  title: 'Glass Orchard',
  bpm: 100,
  key: 'A minor',
  bars,
  sections: [
    { name: 'Intro', bar: 0 },
    { name: 'Verse', bar: 2 },
    { name: 'Chorus', bar: 8 },
    { name: 'Outro', bar: 14 },
  ],
  stems: [
    { id: 'emb-go-drums', name: 'Drums', kind: 'drums', part: { program: 0, drums: true, notes: drums(), volume: 110 } },
    { id: 'emb-go-bass', name: 'Bass', kind: 'bass', part: { program: GM.fingerBass, notes: bass(), volume: 110 } },
    { id: 'emb-go-keys', name: 'Keys', kind: 'keys', part: { program: GM.electricPiano, notes: keys(), volume: 95, pan: 50 } },
    { id: 'emb-go-guitar', name: 'Guitar', kind: 'guitar', part: { program: GM.cleanGuitar, notes: guitar(), volume: 90, pan: 84 } },
    { id: 'emb-go-vocals', name: 'Lead vocal', kind: 'vocals', part: { program: GM.voiceOohs, notes: vocals(), volume: 115 } },
  ],
};
