import type { Note } from '../midiFile';
import { chord, drumBar, DRUM, GM, melody, pitch, random } from '../music';
import type { Song } from '../Song';

// 84 BPM, D major, soul ballad. Intro · Verse · Chorus · Outro.
const progression: [string, 'maj' | 'min' | 'maj7' | 'min7' | '7'][] = [
  ['D3', 'maj7'],
  ['B2', 'min7'],
  ['D3', 'maj'],
  ['F#2', 'min'],
  ['G2', 'maj'],
  ['A2', '7'],
  ['D3', 'maj'],
  ['B2', 'min7'],
  ['G2', 'maj7'],
  ['A2', '7'],
  ['F#2', 'min7'],
  ['B2', 'min7'],
  ['G2', 'maj7'],
  ['D3', 'maj'],
];
const bars = progression.length;

function drums(): Note[] {
  const rand = random(23);
  const notes: Note[] = [];
  for (let bar = 2; bar < bars; bar++) {
    const chorus = bar >= 8 && bar < 12;
    notes.push(
      ...drumBar(
        bar,
        {
          [DRUM.kick]: chorus ? 'x.....x.x.......' : 'x.......x.....x.',
          [chorus ? DRUM.snare : DRUM.rim]: '....x.......x...',
          [DRUM.closedHat]: chorus ? 'x.xxx.xxx.xxx.xx' : 'x.x.x.x.x.x.x.x.',
        },
        16,
        chorus ? 86 : 70,
        rand,
      ),
    );
  }
  notes.push({ beat: 8 * 4, beats: 1, pitch: DRUM.crash, velocity: 90 });
  return notes;
}

function bass(): Note[] {
  const notes: Note[] = [];
  progression.forEach(([root], bar) => {
    if (bar < 2) return;
    const r = pitch(root);
    [
      [0, 1.4],
      [1.5, 0.45],
      [2, 1],
      [3, 0.4],
      [3.5, 0.45],
    ].forEach(([beat, beats], i) => notes.push({ beat: bar * 4 + beat!, beats: beats!, pitch: i === 3 ? r + 7 : i === 4 ? r + 12 : r, velocity: 90 }));
  });
  return notes;
}

function keys(): Note[] {
  const notes: Note[] = [];
  progression.forEach(([root, quality], bar) => {
    const voicing = chord(root.replace(/\d/, '4'), quality).map((p) => p - 12);
    notes.push(...voicing.map((p) => ({ beat: bar * 4, beats: 3.9, pitch: p, velocity: 64 })));
  });
  return notes;
}

function strings(): Note[] {
  const notes: Note[] = [];
  progression.forEach(([root, quality], bar) => {
    if (bar < 8) return;
    const tones = chord(root.replace(/\d/, '5'), quality);
    notes.push({ beat: bar * 4, beats: 2, pitch: tones[2]!, velocity: 70 }, { beat: bar * 4 + 2, beats: 2, pitch: tones[1]!, velocity: 66 });
    notes.push({ beat: bar * 4, beats: 4, pitch: tones[0]! - 12, velocity: 60 });
  });
  return notes;
}

function vocals(): Note[] {
  return [
    ...melody(2 * 4, '-:1 F#4:1 A4:1 B4:1  A4:2 F#4:1 E4:1  D4:1.5 E4:0.5 F#4:1 G4:1  A4:3 -:1  F#4:1 A4:1 D5:1.5 C#5:0.5  B4:2 A4:2', 88),
    ...melody(8 * 4, 'B4:1 D5:1 E5:1 D5:1  C#5:2 A4:2  A4:1 C#5:1 B4:1 A4:1  F#4:3 -:1  G4:1 B4:1 A4:1 F#4:1  D4:4', 96),
  ];
}

export const nightFerry: Song = {
  slug: 'night-ferry',
  title: 'Night Ferry',
  bpm: 84,
  key: 'D major',
  bars,
  sections: [
    { name: 'Intro', bar: 0 },
    { name: 'Verse', bar: 2 },
    { name: 'Chorus', bar: 8 },
    { name: 'Outro', bar: 12 },
  ],
  stems: [
    { id: 'slt-nf-drums', name: 'Drums', kind: 'drums', part: { program: 0, drums: true, notes: drums(), volume: 100 } },
    { id: 'slt-nf-bass', name: 'Bass', kind: 'bass', part: { program: GM.fingerBass, notes: bass(), volume: 108 } },
    { id: 'slt-nf-organ', name: 'Organ', kind: 'keys', part: { program: GM.organ, notes: keys(), volume: 80, pan: 44 } },
    { id: 'slt-nf-strings', name: 'Strings', kind: 'other', part: { program: GM.strings, notes: strings(), volume: 85, pan: 88 } },
    { id: 'slt-nf-vocals', name: 'Lead vocal', kind: 'vocals', part: { program: GM.choirAahs, notes: vocals(), volume: 118 } },
  ],
};
