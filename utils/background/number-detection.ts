import type { DialPlanRules } from '@/utils/dial-plan/dial-plan-rules';
import { dialPreview } from '@/utils/dial-plan/dial-preview';
import type {
  DetectedNumber,
  NumberCandidate,
  NumberContext,
  PageSettings,
} from '@/utils/messages';
import { resolveDefaultCountry } from '@/utils/phone-numbers/default-country';
import { isLabelledFax } from '@/utils/phone-numbers/fax-number';
import { findPhoneNumbers } from '@/utils/phone-numbers/find-numbers';
import type { CountryCode } from '@/utils/phone-numbers/libphonenumber';
import {
  parsePhoneField,
  parseTelHref,
  type PhoneValue,
} from '@/utils/phone-numbers/parse-phone-value';
import { showsNumber } from '@/utils/phone-numbers/shows-number';
import type { Settings } from '@/utils/settings/settings';

/** What a CRM page reads its numbers with (default country, dial plan), and whether it logs. */
export function pageSettingsOf(settings: Settings): PageSettings {
  return {
    country: settings.defaultCountry || undefined,
    dialPlan: settings.dialPlan,
    debug: settings.debug,
  };
}

/** More than a content script ever sends in one message (it sends 256): refused, not read. */
const MAX_ITEMS = 1_000;
const MAX_CHARS = 100_000;
/** Recent answers, by text: CRM pages re-render the same rows, dates and amounts again and again. */
const CACHE_ENTRIES = 4_000;
/** Only short texts are kept (a record's field, a row's cell), which bounds the cache's memory. */
const CACHE_TEXT_CHARS = 256;

/**
 * Reads phone numbers for the content scripts of every tab and frame, so libphonenumber-js and its
 * metadata are loaded once per browser, here, instead of in every frame of every CRM page, and
 * parsing runs off the pages' threads.
 */
export function createNumberDetection(
  languages: () => readonly string[] = () => navigator.languages,
) {
  const cache = new Map<string, DetectedNumber[]>();

  function contextOf({ country, dialPlan }: NumberContext) {
    const defaultCountry = resolveDefaultCountry(
      typeof country === 'string' ? country : undefined,
      languages(),
    );
    const plan = isPlan(dialPlan) ? dialPlan : null;
    const previews = new Map<string, string | null>();
    return {
      defaultCountry,
      key: `${defaultCountry ?? ''}\u0000${plan ? JSON.stringify(plan) : ''}`,
      preview(dial: string): string | null {
        if (!plan) return null;
        let target = previews.get(dial);
        if (target === undefined) {
          target = dialPreview(dial, { dialPlan: plan });
          previews.set(dial, target);
        }
        return target;
      },
    };
  }

  function detect(request: NumberContext & { items: unknown }): DetectedNumber[][] {
    const items = Array.isArray(request.items) ? request.items.slice(0, MAX_ITEMS) : [];
    const context = contextOf(request);
    return items.map((item: unknown) => {
      if (!isCandidate(item)) return [];
      const key = cacheKey(context.key, item);
      if (key) {
        const hit = cache.get(key);
        if (hit) {
          // Most recently used last: Map keeps insertion order, so the oldest go first.
          cache.delete(key);
          cache.set(key, hit);
          return hit;
        }
      }
      const numbers = read(item, context.defaultCountry, context.preview);
      if (key) {
        cache.set(key, numbers);
        if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
      }
      return numbers;
    });
  }

  function shows(request: NumberContext & { text: unknown; dial: unknown }): boolean {
    if (typeof request.text !== 'string' || typeof request.dial !== 'string') return false;
    if (request.text.length > MAX_CHARS) return false;
    return showsNumber(request.text, request.dial, contextOf(request).defaultCountry);
  }

  return { detect, shows };
}

function read(
  item: NumberCandidate,
  defaultCountry: CountryCode | undefined,
  preview: (dial: string) => string | null,
): DetectedNumber[] {
  const whole = (value: PhoneValue | null, length: number): DetectedNumber[] =>
    value ? [{ ...value, start: 0, end: length, preview: preview(value.dial) }] : [];
  switch (item.kind) {
    case 'text':
      return inText(item.text, defaultCountry, preview);
    case 'field': {
      const value = parsePhoneField(item.text, defaultCountry);
      return value ? whole(value, item.text.length) : inText(item.text, defaultCountry, preview);
    }
    case 'input':
      return whole(parsePhoneField(item.text, defaultCountry), item.text.length);
    case 'link':
      return whole(parseTelHref(item.href, item.shown, defaultCountry), 0);
  }
}

function inText(
  text: string,
  defaultCountry: CountryCode | undefined,
  preview: (dial: string) => string | null,
): DetectedNumber[] {
  // A number labelled as fax gets no control; the agent may still select it and ask to call it.
  const numbers = findPhoneNumbers(text, { defaultCountry });
  return numbers
    .filter((match) => !isLabelledFax(text, match.start, match.end))
    .map((match) => ({
      start: match.start,
      end: match.end,
      display: match.display,
      dial: match.dial,
      extension: match.extension,
      formatted: match.formatted,
      preview: preview(match.dial),
    }));
}

function cacheKey(context: string, item: NumberCandidate): string | null {
  if (item.kind === 'link') return null;
  if (item.text.length > CACHE_TEXT_CHARS) return null;
  return `${context}\u0000${item.kind}\u0000${item.text}`;
}

/** Messages come from content scripts, which run in web pages' processes: checked, not trusted. */
function isCandidate(item: unknown): item is NumberCandidate {
  if (!item || typeof item !== 'object') return false;
  const { kind, text, href, shown } = item as Record<string, unknown>;
  if (kind === 'link') {
    return (
      typeof href === 'string' &&
      typeof shown === 'string' &&
      href.length + shown.length <= MAX_CHARS
    );
  }
  return (
    (kind === 'text' || kind === 'field' || kind === 'input') &&
    typeof text === 'string' &&
    text.length <= MAX_CHARS
  );
}

function isPlan(plan: unknown): plan is DialPlanRules {
  return !!plan && typeof plan === 'object' && !Array.isArray(plan);
}
