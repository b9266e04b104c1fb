// Persistence of EmulatorState in DIR/state.json. Writes are debounced and serialised (one at a time),
// and atomic (temp file + rename), so a crash or many parallel requests never leave a torn file.
import fs from 'node:fs';
import path from 'node:path';
import type { EmulatorState } from '../model';

export class StateStore {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private dirty = false;
  private writeCount = 0;

  constructor(
    readonly file: string,
    public state: EmulatorState,
    private readonly debounceMs = 50,
  ) {}

  /**
   * Reads DIR/state.json; undefined when the folder has no state yet (then the caller seeds). A file that
   * does not parse or has another format version is moved aside (state.json.unreadable-<time>), not lost.
   */
  static load(file: string, warn: (message: string) => void = (m) => console.error(m)): EmulatorState | undefined {
    if (!fs.existsSync(file)) return undefined;
    try {
      const state = JSON.parse(fs.readFileSync(file, 'utf8')) as EmulatorState;
      if (state.version !== 1) throw new Error(`unknown state version ${String(state.version)}`);
      return state;
    } catch (e) {
      const aside = `${file}.unreadable-${Date.now()}`;
      fs.renameSync(file, aside);
      warn(`Emulator state ${file} could not be read (${(e as Error).message}); moved to ${aside} and starting from the seed.`);
      return undefined;
    }
  }

  /** Marks the state changed; a write follows after the debounce window. */
  changed(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.debounceMs);
  }

  get writes(): number {
    return this.writeCount;
  }

  /** Writes now if anything changed; waits for a write already in flight first (serialisation). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.writing) await this.writing;
    if (!this.dirty) return;
    this.dirty = false;
    // Snapshot synchronously: later mutations mark dirty again and get their own write.
    const text = JSON.stringify(this.state);
    this.writing = this.writeAtomically(text).finally(() => {
      this.writing = undefined;
    });
    await this.writing;
  }

  private async writeAtomically(text: string): Promise<void> {
    await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    await fs.promises.writeFile(tmp, text, 'utf8');
    await fs.promises.rename(tmp, this.file);
    this.writeCount++;
  }
}
