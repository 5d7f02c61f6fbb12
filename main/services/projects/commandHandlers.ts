import type { Handlers } from '../Dispatcher';
import type { StemroomServices } from '../StemroomServices';
import { projectCommand } from './projectCommand';

/** The English command bar's channel. */
export function commandHandlers(services: StemroomServices): Pick<Handlers, 'projects.command'> {
  return { 'projects.command': (request) => projectCommand(services.projects, request) };
}
