import { z } from 'zod';
import { endpoint } from './endpoint';

/** Client-chosen id that ties a long request to its progress events and lets it be cancelled. */
export const taskIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'a task id is 6–64 letters, digits, - or _');

export const taskProgressSchema = z.object({
  taskId: taskIdSchema,
  label: z.string(),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
});
export type TaskProgress = z.infer<typeof taskProgressSchema>;

export const taskEndpoints = {
  'task.cancel': endpoint(z.object({ taskId: taskIdSchema }).strict(), z.object({ cancelled: z.boolean() })),
};
