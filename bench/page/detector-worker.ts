/**
 * The detector bench's stand-in for the background: the extension's own number reader
 * (utils/background/number-detection.ts) in a worker, so the page's thread does what the content
 * script does in the extension (walk, ask, place) and parsing runs elsewhere, as it does there.
 */
import { createNumberDetection } from '@/utils/background/number-detection';
import type { NumberCandidate } from '@/utils/messages';

const detection = createNumberDetection(() => []);

self.onmessage = (event: MessageEvent<{ id: number; items: NumberCandidate[] }>) => {
  const { id, items } = event.data;
  const numbers = detection.detect({ country: 'US', dialPlan: null, items });
  self.postMessage({ id, numbers });
};
