/**
 * A generated list page for the built extension's content script (served from a CRM host): the
 * list is built while the page loads, as a server-rendered CRM list is, and the page records when
 * each call button appears and every long task, for the bench to read through `window.listBench`.
 */
import { buildListPage, type ListPage } from './list-page';

export interface ListBenchStatus {
  page: ListPage;
  /** performance.now() when the load event ended (the content script runs at document_idle). */
  loadedAt: number;
  buttons: number;
  lastButtonAt: number;
  longTasks: { start: number; duration: number }[];
}

const longTasks: { start: number; duration: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    longTasks.push({ start: entry.startTime, duration: entry.duration });
  }
});
observer.observe({ type: 'longtask', buffered: true });

const elements = Number(new URL(location.href).searchParams.get('elements') ?? '1000');
const page = buildListPage(elements);

let buttons = 0;
let lastButtonAt = 0;
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeName === 'UCONTACT-CALL') {
        buttons++;
        lastButtonAt = performance.now();
      }
    }
  }
}).observe(document.body, { childList: true, subtree: true });

function status(): ListBenchStatus {
  for (const entry of observer.takeRecords()) {
    longTasks.push({ start: entry.startTime, duration: entry.duration });
  }
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return { page, loadedAt: navigation?.loadEventEnd ?? 0, buttons, lastButtonAt, longTasks };
}

(window as unknown as { listBench: { status: typeof status } }).listBench = { status };
