import type { Io } from '../main';

/**
 * Progress of a long run on stderr: a redrawn bar on a terminal, a plain line every 10 % (and at
 * the end) otherwise, so logs and CI output stay readable.
 */
export class Progress {
  private done = 0;
  private lastStep = -1;
  private readonly started = performance.now();

  constructor(
    private readonly io: Io,
    private readonly label: string,
    private readonly total: number,
  ) {}

  add(n: number): void {
    this.done += n;
    const fraction = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(this.done / seconds) : 0;
    if (this.io.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      this.io.stderr(
        `\r${this.label.padEnd(8)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${this.done}/${this.total}  ${rate}/s `,
      );
      return;
    }
    const step = Math.floor(fraction * 10);
    if (step > this.lastStep) {
      this.lastStep = step;
      this.io.stderr(`dermlens audit: ${this.label} ${this.done}/${this.total} (${Math.round(fraction * 100)}%, ${rate}/s)\n`);
    }
  }

  finish(): void {
    if (this.io.isTTY) this.io.stderr('\n');
  }
}
