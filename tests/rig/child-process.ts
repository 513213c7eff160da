import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { onProcessExit } from './on-exit';

const running = new Set<ChildProcess>();

// Last resort if a test process dies without stopping what it started: kill those groups only.
onProcessExit(() => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

/** Spawns `command` as leader of its own process group, so it and its forks can be killed by id. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** SIGTERM to the process we started, then SIGKILL to its group if it has not exited in time. */
export async function stopProcess(child: ChildProcess, timeoutMs = 5_000): Promise<void> {
  if (hasExited(child)) return;
  child.kill('SIGTERM');
  if (await waitForExit(child, timeoutMs)) return;
  killGroup(child, 'SIGKILL');
  await waitForExit(child, timeoutMs);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
