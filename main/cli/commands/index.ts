import type { Command } from '../Command';
import { serveCommand } from './serveCommand';
import { infoCommand } from './infoCommand';

/** Every `stemroom` command, in the order --help lists them. */
export const commands: readonly Command[] = [serveCommand, infoCommand];
