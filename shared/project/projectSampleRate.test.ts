import { describe, expect, it } from 'vitest';
import { projectSampleRate } from './projectSampleRate';

const catalog = (sampleRate: number) => ({ type: 'catalog' as const, sampleRate });
const recording = (sampleRate: number) => ({ type: 'recording' as const, sampleRate });

describe('projectSampleRate', () => {
  it.each([
    ['44.1 kHz stems', [catalog(44100), catalog(44100)], 44100],
    ['the commonest catalog rate wins', [catalog(48000), catalog(44100), catalog(44100)], 44100],
    ['a tie goes to the higher rate', [catalog(48000), catalog(44100)], 48000],
    ['catalog stems outvote own recordings', [catalog(44100), recording(48000), recording(48000)], 44100],
    ['own recordings when there is no catalog audio', [recording(48000)], 48000],
    ['odd rates rise to the next project rate', [catalog(32000)], 44100],
    ['rates above 96 kHz are brought down to 96 kHz', [catalog(192000)], 96000],
    ["no sources: the studio's recording rate", [], 48000],
  ] as const)('%s', (_name, sources, expected) => {
    expect(projectSampleRate(sources)).toBe(expected);
  });
});
