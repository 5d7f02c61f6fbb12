import { describe, expect, it } from 'vitest';
import { SwitchGate } from './SwitchGate';

describe('SwitchGate', () => {
  it('opens at the first frame every run is written far enough past, notes when it was ready, and the first decision stands', () => {
    const shared = SwitchGate.create([
      { offset: 0, frames: 100_000 },
      { offset: 3000, frames: 100_000 },
      { offset: 50_000, frames: 100_000 },
    ]);
    const worker = new SwitchGate(shared);
    const node = new SwitchGate(shared);
    const other = new SwitchGate(shared);
    expect(node.decide(-256, 1000)).toBeNull();
    expect(node.readyFrame).toBeNull();
    // Run 0 needs frames up to 1000 for a switch at the anchor, run 1 (starting at 3000) nothing yet, run 2 nothing.
    worker.wrote(0, 999);
    expect(node.decide(-256, 1000)).toBeNull();
    worker.wrote(0, 1000);
    // Ready before the anchor: noted, but nothing switches before it.
    expect(node.decide(-256, 1000)).toBeNull();
    expect(node.readyFrame).toBe(-256);
    expect(node.switchFrame).toBeNull();
    // At frame 2500, run 0 needs 3500 and run 1 (from 3000) its first 500.
    expect(node.decide(2500, 1000)).toBeNull();
    worker.wrote(0, 3500);
    expect(node.decide(2500, 1000)).toBeNull();
    worker.wrote(1, 500);
    expect(node.decide(2500, 1000)).toBe(2500);
    // Another node, a quantum later, finds the gate open where the first decided.
    expect(other.decide(2628, 1000)).toBe(2500);
    expect(worker.switchFrame).toBe(2500);
    expect(worker.readyFrame).toBe(-256);
  });

  it('a run the worker skipped ahead in (it fell behind the audio thread) counts only from where its frames resume', () => {
    const shared = SwitchGate.create([{ offset: 0, frames: 100_000 }]);
    const worker = new SwitchGate(shared);
    const node = new SwitchGate(shared);
    expect(worker.now).toBeNull();
    node.passing(20_000);
    expect(worker.now).toBe(20_000);
    worker.wrote(0, 30_000, 24_000);
    expect(node.decide(20_128, 4096)).toBeNull();
    expect(node.decide(24_000, 4096)).toBe(24_000);
  });

  it('a run shorter than the margin needs only its own frames', () => {
    const shared = SwitchGate.create([{ offset: 0, frames: 300 }]);
    const gate = new SwitchGate(shared);
    expect(gate.decide(0, 4096)).toBeNull();
    gate.wrote(0, 300);
    expect(gate.decide(0, 4096)).toBe(0);
  });
});
