import type { Handlers } from '../Dispatcher';
import type { ProjectsService } from './ProjectsService';
import { projectCommand } from './projectCommand';

/** The English command bar's channel. */
export function commandHandlers(projects: ProjectsService): Pick<Handlers, 'projects.command'> {
  return { 'projects.command': (request) => projectCommand(projects, request) };
}
