#!/usr/bin/env node
// Runs the browser e2e suite (vitest.e2e.config.ts) inside a fresh network namespace that has only
// loopback, so every packet provably stays on 127.0.0.1 and fixed ports (443, 8088, 8089) are free.
// It is also a PID namespace: when the suite ends, the kernel kills anything it left behind.
//   node scripts/run-e2e.mjs [vitest args...]      e.g. node scripts/run-e2e.mjs tests/e2e/rig.spec.ts
//   node scripts/run-e2e.mjs --config FILE [...]   another vitest config (bench/run.mjs: the benchmarks)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const config = argv[0] === '--config' ? argv[1] : 'vitest.e2e.config.ts';
const args = argv[0] === '--config' ? argv.slice(2) : argv;
const FORWARDED = ['SIGINT', 'SIGTERM'];

/** Exit like the child did: its code, or 128 + signal number. */
function exitLike(code, signal) {
  process.exit(code ?? 128 + (constants.signals[signal] ?? 1));
}

if (process.env.UCT_NETNS === '1') {
  // Inside the namespace (as its PID 1). Everything the suite writes to TMPDIR (profiles, Kamailio
  // run dirs, certificates) goes to one directory removed afterwards: vitest ends its workers
  // without running their exit hooks. UCT_KEEP_TMP=1 keeps it for debugging.
  const tmp = mkdtempSync(join(tmpdir(), 'uct-e2e-'));
  // Own process group, so vitest gets each forwarded signal exactly once.
  const vitest = spawn(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '-c', config, ...args],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
      env: { ...process.env, TMPDIR: tmp },
    },
  );
  for (const signal of FORWARDED) process.on(signal, () => vitest.kill(signal));
  vitest.on('exit', (code, signal) => {
    if (process.env.UCT_KEEP_TMP === '1') console.error(`run-e2e: kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
    exitLike(code, signal);
  });
} else {
  const unshare = [
    '--net',
    '--pid',
    '--fork',
    '--mount-proc',
    // If this script dies, the namespace's PID 1 (and so everything in it) dies too.
    '--kill-child',
  ];
  const probe = spawnSync('unshare', [...unshare, 'true'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const reason = probe.error?.message ?? probe.stderr.trim();
    console.error(
      `run-e2e: cannot create a loopback-only network namespace (unshare needs root or CAP_SYS_ADMIN).\n` +
        `  ${reason}\n  Run the e2e suite as root, e.g. in the project's container.`,
    );
    process.exit(1);
  }
  const child = spawn(
    'unshare',
    [
      ...unshare,
      'sh',
      '-c',
      'ip link set lo up && UCT_NETNS=1 exec "$0" "$@"',
      process.execPath,
      fileURLToPath(import.meta.url),
      ...argv,
    ],
    // Own process group: unshare itself ignores SIGINT/SIGTERM, so signals go to the group.
    // No stdin: a background group must not read the terminal.
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], detached: true },
  );
  for (const signal of FORWARDED) {
    process.on(signal, () => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    });
  }
  child.on('exit', exitLike);
}
