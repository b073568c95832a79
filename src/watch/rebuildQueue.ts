/**
 * Runs one rebuild at a time. Charts asked for while a build runs are
 * gathered and built together right after it, so a burst of saves never
 * runs two builds on the same files at once and no save is missed.
 */
export class RebuildQueue {
  private waiting = new Set<string>();
  private running: Promise<void> | undefined;

  constructor(private readonly rebuild: (names: string[]) => Promise<void>) {}

  add(names: string[]): void {
    for (const name of names) this.waiting.add(name);
    if (!this.running && this.waiting.size) this.running = this.drain();
  }

  /** Resolves when nothing is building or waiting. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.size) {
        const names = [...this.waiting].sort();
        this.waiting = new Set();
        await this.rebuild(names);
      }
    } finally {
      this.running = undefined;
    }
  }
}
