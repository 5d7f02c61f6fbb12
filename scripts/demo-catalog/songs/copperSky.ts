import type { Note } from '../midiFile';
import { chord, drumBar, DRUM, GM, melody, pitch, random } from '../music';
import type { Song } from '../Song';

// 124 BPM, F# minor, house. Intro · Verse · Drop · Outro.
const progression: [string, 'min' | 'maj' | 'sus2'][] = [
  ['F#2', 'min'],
  ['D2', 'maj'],
  ['A2', 'maj'],
  ['E2', 'maj'],
  ['F#2', 'min'],
  ['D2', 'maj'],
  ['A2', 'maj'],
  ['E2', 'sus2'],
  ['F#2', 'min'],
  ['D2', 'maj'],
  ['A2', 'maj'],
  ['E2', 'maj'],
  ['F#2', 'min'],
  ['D2', 'maj'],
  ['A2', 'maj'],
  ['E2', 'maj'],
  ['F#2', 'min'],
  ['D2', 'maj'],
  ['A2', 'maj'],
  ['F#2', 'min'],
];
const bars = progression.length;

function drums(): Note[] {
  const rand = random(37);
  const notes: Note[] = [];
  for (let bar = 0; bar < bars; bar++) {
    const drop = bar >= 8 && bar < 16;
    const grid: Record<number, string> = { [DRUM.kick]: bar === 7 ? 'x...x...x.x.xxxx' : 'x...x...x...x...' };
    if (bar >= 4) grid[DRUM.openHat] = '..x...x...x...x.';
    if (drop || bar >= 16) grid[DRUM.clap] = '....x.......x...';
    if (drop) grid[DRUM.closedHat] = 'xxxxxxxxxxxxxxxx';
    if (bar >= 18) delete grid[DRUM.kick];
    notes.push(...drumBar(bar, grid, 16, drop ? 94 : 82, rand));
    if (bar === 8 || bar === 16) notes.push({ beat: bar * 4, beats: 1, pitch: DRUM.crash, velocity: 105 });
  }
  return notes;
}

function bass(): Note[] {
  const notes: Note[] = [];
  progression.forEach(([root], bar) => {
    if (bar < 4 || bar >= 18) return;
    const r = pitch(root) + 12;
    for (let i = 0; i < 4; i++) notes.push({ beat: bar * 4 + i + 0.5, beats: 0.4, pitch: r, velocity: 100 });
    if (bar >= 8 && bar < 16) notes.push({ beat: bar * 4 + 3.75, beats: 0.2, pitch: r + 12, velocity: 90 });
  });
  return notes;
}

function pad(): Note[] {
  const notes: Note[] = [];
  progression.forEach(([root, quality], bar) => {
    const voicing = chord(root.replace(/\d/, '4'), quality).map((p) => p - 12);
    notes.push(...voicing.map((p) => ({ beat: bar * 4, beats: 3.95, pitch: p, velocity: bar >= 8 && bar < 16 ? 70 : 60 })));
  });
  return notes;
}

function fx(): Note[] {
  const notes: Note[] = [];
  progression.forEach(([root, quality], bar) => {
    if (bar < 8 || bar >= 16) return;
    const tones = chord(root.replace(/\d/, '5'), quality);
    for (let i = 0; i < 16; i++)
      notes.push({ beat: bar * 4 + i * 0.25, beats: 0.2, pitch: tones[i % tones.length]! + (i % 8 >= 4 ? 12 : 0), velocity: 60 + (i % 4 === 0 ? 20 : 0) });
  });
  notes.push({ beat: 6 * 4, beats: 8, pitch: pitch('F#5'), velocity: 70 });
  return notes;
}

function vocals(): Note[] {
  return [
    ...melody(4 * 4, '-:2 C#5:1 A4:1  F#4:2 -:2  -:2 E4:1 F#4:1  E4:2 -:2', 90),
    ...melody(
      8 * 4,
      'A4:1 A4:0.5 C#5:1.5 B4:1  A4:2 F#4:2  E4:1 E4:0.5 A4:1.5 G#4:1  F#4:4  A4:1 A4:0.5 C#5:1.5 E5:1  D5:2 C#5:2  B4:1 A4:1 G#4:1 A4:1  F#4:4',
      98,
    ),
  ];
}

export const copperSky: Song = {
  slug: 'copper-sky',
  title: 'Copper Sky',
  bpm: 124,
  key: 'F# minor',
  bars,
  sections: [
    { name: 'Intro', bar: 0 },
    { name: 'Verse', bar: 4 },
    { name: 'Drop', bar: 8 },
    { name: 'Outro', bar: 16 },
  ],
  stems: [
    { id: 'kd-cs-drums', name: 'Drums', kind: 'drums', part: { program: 0, drums: true, notes: drums(), volume: 112 } },
    { id: 'kd-cs-bass', name: 'Bass', kind: 'bass', part: { program: GM.synthBass, notes: bass(), volume: 100 } },
    { id: 'kd-cs-pad', name: 'Pad', kind: 'keys', part: { program: GM.padWarm, notes: pad(), volume: 85 } },
    { id: 'kd-cs-arp', name: 'Arp & riser', kind: 'fx', part: { program: GM.fxCrystal, notes: fx(), volume: 80, pan: 80 } },
    { id: 'kd-cs-vocals', name: 'Vocal hook', kind: 'vocals', part: { program: GM.synthVoice, notes: vocals(), volume: 115 } },
  ],
};
