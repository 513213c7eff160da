const tasks = new Set<() => void>();
let hooked = false;

/**
 * Runs `task` synchronously when the process exits (one shared listener, however many callers).
 * Returns a function that cancels it.
 */
export function onProcessExit(task: () => void): () => void {
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const t of tasks) {
        try {
          t();
        } catch {
          // Best effort: the process is exiting anyway.
        }
      }
    });
  }
  tasks.add(task);
  return () => tasks.delete(task);
}
