import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_PATH = join(dirname(fileURLToPath(import.meta.url)), 'results.json');

/** One line of the table (CONTRACT.md, "Benchmark output"). */
export interface Row {
  name: string;
  value: number;
  unit: string;
  /** The side-by-side peer's value, measured in the same page/process and run. */
  peer?: number;
  /** value / peer. */
  ratio?: number;
  /** The goal, as text ("≤ 2 ms", "≤ 0.2×"). */
  goal?: string;
  met?: boolean;
  /** How many runs the median is of. */
  runs?: number;
  /** What was measured, or why a goal is out of reach. */
  note?: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  chromium: string;
  node: string;
  /** 1-minute load average when the run started and ended: the machine may be shared. */
  loadAverage: { start: number; end: number };
}

export interface Results {
  startedAt: string;
  durationS: number;
  machine: Machine;
  rows: Row[];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Rounds to a precision that suits the magnitude (3 significant digits, at most 2 decimals). */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return Number(value.toFixed(digits));
}

type Goal = { max: number; of?: 'value' | 'ratio' } | { min: number; of?: 'value' | 'ratio' };

/** A row with its ratio and whether the goal is met (on the value, or on the ratio). */
export function row(fields: Omit<Row, 'ratio' | 'met' | 'goal'> & { goal?: Goal }): Row {
  const { goal, ...rest } = fields;
  const out: Row = { ...rest, value: round(fields.value) };
  if (fields.peer !== undefined) {
    out.peer = round(fields.peer);
    out.ratio = Number(
      (fields.value / fields.peer).toFixed(fields.value / fields.peer < 1 ? 3 : 2),
    );
  }
  if (goal) {
    const of = goal.of ?? 'value';
    const subject = of === 'ratio' ? (out.ratio ?? NaN) : fields.value;
    const unit = of === 'ratio' ? '×' : ` ${fields.unit}`;
    if ('max' in goal) {
      out.goal = `≤ ${goal.max}${unit}`;
      out.met = subject <= goal.max;
    } else {
      out.goal = `≥ ${goal.min}${unit}`;
      out.met = subject >= goal.min;
    }
  }
  return out;
}

export function machineInfo(chromium: string, startLoad: number): Machine {
  const cpuModel =
    /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ??
    cpus()[0]?.model ??
    'unknown';
  return {
    cpu: cpuModel,
    cores: cpus().length,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    kernel: release(),
    chromium,
    node: process.version,
    loadAverage: { start: startLoad, end: Number(loadavg()[0]!.toFixed(2)) },
  };
}

export function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function writeResults(results: Results): void {
  writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
}
