import { z } from 'zod';
import { endpoint } from './endpoint';

/**
 * Client-chosen id that ties a long request to its progress events and lets it be cancelled.
 *
 * @example
 * const taskId = newTaskId('export');   // "export-" and random digits
 * bridge.on('task.progress', (p) => p.taskId === taskId && console.log(p.label, p.done, p.total));
 * await bridge.call('exports.start', { projectId, taskId });
 */
export const taskIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'a task id is 6–64 letters, digits, - or _');

/**
 * Progress of a long request, sent as `task.progress` events: a label and done/total in any unit.
 *
 * @example
 * const stop = bridge.on('task.progress', ({ taskId, label, done, total }) => console.log(taskId, label, `${done}/${total}`));
 */
export const taskProgressSchema = z.object({
  taskId: taskIdSchema,
  label: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
});
export type TaskProgress = z.infer<typeof taskProgressSchema>;

/**
 * Cancels a long request (import, export, publish) by the task id it was started with.
 *
 * @example
 * const { cancelled } = await bridge.call('task.cancel', { taskId });
 */
export const taskEndpoints = {
  'task.cancel': endpoint(z.object({ taskId: taskIdSchema }).strict(), z.object({ cancelled: z.boolean() })),
};
