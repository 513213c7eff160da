import { request, type NumberContext } from '@/utils/messages';
import type { NumberDetector } from './detection-batches';

/** How a page's numbers are read: in batches, and one question a link click asks. */
export interface PageNumbers extends NumberDetector {
  /** Whether `text` (what a link shows the agent) shows the number `dial` it dials. */
  showsNumber(text: string, dial: string): boolean | Promise<boolean>;
}

/**
 * The background reads the numbers (libphonenumber-js lives there, once per browser), with the page
 * settings this content script read, so an answer always matches the settings the page started
 * with even while a settings change is still on its way to the background.
 */
export function backgroundNumbers(context: NumberContext): PageNumbers {
  return {
    detect: (items) => request('numbers.detect', { ...context, items }),
    showsNumber: (text, dial) => request('numbers.shows', { ...context, text, dial }),
  };
}
