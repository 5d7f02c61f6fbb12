import type { ReadingSource } from '../Reading';
import { editClipReadings } from './editClipReadings';
import { effectReadings } from './effectReadings';
import { fadeReadings } from './fadeReadings';
import { gainReadings } from './gainReadings';
import { keyReadings } from './keyReadings';
import { loopReadings } from './loopReadings';
import { markerReadings } from './markerReadings';
import { moveReadings } from './moveReadings';
import { panReadings } from './panReadings';
import { rateReadings } from './rateReadings';
import { switchReadings } from './switchReadings';
import { tempoReadings } from './tempoReadings';
import { toneReadings } from './toneReadings';

/** Every kind of edit a sentence can be read as (order breaks ties between equally good readings). */
export const readingSources: readonly ReadingSource[] = [
  switchReadings,
  gainReadings,
  panReadings,
  tempoReadings,
  keyReadings,
  rateReadings,
  fadeReadings,
  moveReadings,
  editClipReadings,
  loopReadings,
  effectReadings,
  toneReadings,
  markerReadings,
];
