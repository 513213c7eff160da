import { foldToAscii } from './fold-to-ascii';

/**
 * A fax label right before a number: `Fax: 415-666-7777`, `Fax (415) 666-7777`, `Telefax 030…`,
 * `Fax no. …`, `Nº de fax: …`, `Facsímil …`, `Fac-símile …`. A shared line (`Tel/Fax`, `Tel. y fax`)
 * is a phone too, so it does not count. A lone `F:` is not read as fax: it labels too much else.
 */
const FAX_BEFORE = new RegExp(
  String.raw`(?<!\b(?:tel|phone|tel[eé]fono|telefone|fone)\.?\s*(?:[/&+-]|and|y|e|ou|o)\s*)` +
    String.raw`\b(?:(?:tele)?fax|fac-?s[ií]mil(?:e)?)\s*(?:#|n\.?\s?[º°o]\.?|no\.|number|num\.?|n[uú]mero)?\s*[:.#]?\s*$`,
  'i',
);

/** The same, after the number: `415-666-7777 (fax)`. */
const FAX_AFTER = /^\s*\((?:tele)?fax\)/i;

/**
 * Whether the number found at `start..end` of `text` is labelled as a fax: a call to it reaches a
 * modem, so the page gets no call control for it.
 */
export function isLabelledFax(text: string, start: number, end: number): boolean {
  return (
    FAX_BEFORE.test(foldToAscii(text.slice(Math.max(0, start - 40), start))) ||
    FAX_AFTER.test(foldToAscii(text.slice(end, end + 8)))
  );
}
