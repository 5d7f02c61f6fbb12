import fs from 'node:fs';
import { Library } from './Library';
import { EventBus } from './EventBus';
import { TaskRegistry } from './TaskRegistry';
import { Dispatcher, type Handlers } from './Dispatcher';
import { libraryHandlers } from './libraryHandlers';
import { ContentStore } from '../media/ContentStore';
import { contentTypeOf, sniffAudioFormat } from '../media/sniffAudioFormat';
import type { AppFile } from '../serving/resolveAppFile';

/**
 * Everything the hosts need, created once per process: the open library,
 * its content store, the event bus, running tasks, and the contract
 * dispatcher over them.
 */
export class StemroomServices {
  readonly events = new EventBus();
  readonly tasks = new TaskRegistry(this.events);
  readonly store: ContentStore;
  readonly dispatcher: Dispatcher;

  private constructor(readonly library: Library) {
    this.store = new ContentStore(library.paths.storeDir, library.paths.tmpDir);
    this.dispatcher = new Dispatcher(this.handlers());
  }

  static open(dataDir: string): StemroomServices {
    return new StemroomServices(Library.open(dataDir));
  }

  /** `/media/<sha256>`: audio from the content store, typed by its bytes. */
  mediaFile(sha256: string): AppFile | null {
    if (!ContentStore.isSha256(sha256) || !this.store.has(sha256)) return null;
    const filePath = this.store.pathOf(sha256);
    const head = Buffer.alloc(12);
    const fd = fs.openSync(filePath, 'r');
    try {
      fs.readSync(fd, head, 0, 12, 0);
    } finally {
      fs.closeSync(fd);
    }
    const format = sniffAudioFormat(head);
    return { filePath, contentType: format ? contentTypeOf(format) : 'application/octet-stream' };
  }

  private handlers(): Handlers {
    return {
      ...libraryHandlers(this),
    };
  }

  close(): void {
    this.library.close();
  }
}
