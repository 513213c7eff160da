#!/usr/bin/env node
// `npm run bench` (after `npm run build`): runs bench/suite.bench.ts with vitest inside the
// loopback-only network + PID namespace of scripts/run-e2e.mjs, then prints bench/results.json
// as a table.
//   node bench/run.mjs              measure, write bench/results.json, print the table
//   node bench/run.mjs --print      only print the last results
//   node bench/run.mjs --markdown   only print the last results as Markdown (for the README)
// UCT_BENCH_RUNS=3 makes a quick smoke run (medians of 3 instead of 20).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsPath = join(root, 'bench/results.json');
const mode = process.argv[2];

let status = 0;
if (mode !== '--print' && mode !== '--markdown') {
  const run = spawnSync(
    process.execPath,
    [join(root, 'scripts/run-e2e.mjs'), '--config', 'vitest.bench.config.ts'],
    { cwd: root, stdio: 'inherit' },
  );
  status = run.status ?? 1;
}

if (!existsSync(resultsPath)) {
  console.error('bench: no bench/results.json');
  process.exit(status || 1);
}
const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
const markdown = mode === '--markdown';

const columns = ['name', 'value', 'unit', 'peer', 'ratio', 'goal', 'met?'];
const cells = results.rows.map((row) => [
  row.name,
  String(row.value),
  row.unit,
  row.peer === undefined ? '' : String(row.peer),
  row.ratio === undefined ? '' : `${row.ratio}×`,
  row.goal ?? '',
  row.met === undefined ? '' : row.met ? 'yes' : 'NO',
]);
const m = results.machine;
const machine =
  `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.chromium}; Node ${m.node}; ` +
  `Linux ${m.kernel}; load average ${m.loadAverage.start} → ${m.loadAverage.end}; ` +
  `${results.startedAt}, ${results.durationS} s`;

if (markdown) {
  const escape = (text) => text.replaceAll('|', '\\|');
  console.log(`| ${columns.join(' | ')} |`);
  console.log(
    `| ${columns.map((_, i) => (i === 0 || i === 2 || i === 5 ? '---' : '--:')).join(' | ')} |`,
  );
  for (const line of cells) console.log(`| ${line.map(escape).join(' | ')} |`);
  console.log(`\nMachine: ${machine}.`);
} else {
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((line) => line[i].length)));
  const right = new Set([1, 3, 4]);
  const format = (line) =>
    line
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ');
  console.log(`\n${format(columns)}`);
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of cells) console.log(format(line));
  console.log(`\n${machine}`);
  const missed = results.rows.filter((row) => row.met === false);
  if (missed.length > 0) {
    console.log('\nGoals not met (see each row in bench/results.json for its note):');
    for (const row of missed) console.log(`  - ${row.name}: ${row.note ?? ''}`);
  }
}
process.exit(status);
