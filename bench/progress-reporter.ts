import type { Reporter, TestCase } from 'vitest/node';

/**
 * One line per bench section as it starts and ends, so a run of several minutes is not silent
 * (the default reporter prints a file's results only when the whole file is done).
 */
export class ProgressReporter implements Reporter {
  private readonly startedAt = new Map<string, number>();
  private readonly runStart = Date.now();

  onTestCaseReady(test: TestCase): void {
    this.startedAt.set(test.id, Date.now());
    process.stderr.write(`bench: [${this.elapsed()}] ${test.name} …\n`);
  }

  onTestCaseResult(test: TestCase): void {
    const started = this.startedAt.get(test.id) ?? Date.now();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const state = test.result().state;
    const outcome = state === 'passed' ? 'done' : state;
    process.stderr.write(`bench: [${this.elapsed()}] ${test.name}: ${outcome} in ${seconds} s\n`);
  }

  private elapsed(): string {
    const total = Math.round((Date.now() - this.runStart) / 1000);
    return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
  }
}
