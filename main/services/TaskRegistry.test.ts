import { describe, expect, it } from 'vitest';
import { EventBus } from './EventBus';
import { TaskRegistry } from './TaskRegistry';

describe('TaskRegistry progress', () => {
  it('throttles reports within a step but always sends a new step and a finished one', async () => {
    const events = new EventBus();
    const sent: unknown[] = [];
    events.subscribe((_event, payload) => sent.push(payload));
    await new TaskRegistry(events).run('t-1', (task) => {
      task.progress('Preparing audio', 1, 4);
      task.progress('Preparing audio', 2, 4); // within 50 ms of the last: dropped
      task.progress('Preparing audio', 4, 4); // finished: sent
      task.progress('Rendering', 0, 1); // a new step: sent although within 50 ms
      task.progress('Encoding', 0, 1);
    });
    expect(sent.map((p) => (p as { label: string; done: number }).label + ' ' + (p as { done: number }).done)).toEqual([
      'Preparing audio 1',
      'Preparing audio 4',
      'Rendering 0',
      'Encoding 0',
    ]);
  });
});
