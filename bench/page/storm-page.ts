/**
 * Item 3's page: a CRM list (1,000 rows, 500 numbers) beside a live dashboard whose 1,000 cells
 * the page rewrites at a fixed rate (timers and counters, like a contact-centre wall board).
 * `window.storm.run()` rewrites text nodes at `rate` per second for `ms` and counts frames.
 */
import { buildListPage, type ListPage } from './list-page';

export interface StormRun {
  /** Frames (requestAnimationFrame callbacks) in each `windowMs` window. */
  frames: number[];
  windowMs: number;
  mutations: number;
  seconds: number;
}

const CELLS = 1_000;
const pad = (n: number) => String(n).padStart(2, '0');

const page: ListPage = buildListPage(10_000);
const board = document.createElement('section');
const texts: Text[] = [];
for (let i = 0; i < CELLS; i++) {
  const cell = document.createElement('span');
  cell.className = 'cell';
  const text = document.createTextNode('');
  cell.append(text);
  board.append(cell, ' ');
  texts.push(text);
}
document.body.prepend(board);

/** Timers (hh:mm:ss), queue counters and waiting times. */
function value(i: number): string {
  const s = i % 86_400;
  switch (i % 3) {
    case 0:
      return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
    case 1:
      return `${i % 1000} waiting`;
    default:
      return `avg ${i % 600} s`;
  }
}

function run(ms: number, rate: number, windowMs = 250): Promise<StormRun> {
  const frames = new Array<number>(Math.ceil(ms / windowMs)).fill(0);
  const start = performance.now();
  let done = 0;
  let running = true;
  const frame = () => {
    const i = Math.floor((performance.now() - start) / windowMs);
    if (i < frames.length) frames[i]!++;
    if (running) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return new Promise((resolve) => {
    // Each task catches up with the rate: a slow main thread gets bigger batches, not fewer.
    const tick = () => {
      const elapsed = performance.now() - start;
      if (elapsed >= ms) {
        running = false;
        resolve({ frames, windowMs, mutations: done, seconds: elapsed / 1000 });
        return;
      }
      const target = Math.floor((elapsed * rate) / 1000);
      for (; done < target; done++) texts[done % CELLS]!.data = value(done);
      setTimeout(tick, 0);
    };
    tick();
  });
}

(window as unknown as { storm: unknown }).storm = { page, run };
