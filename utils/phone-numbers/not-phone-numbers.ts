/**
 * Text that looks like digits but is not a phone number. libphonenumber already refuses
 * slash-dates, time stamps, letters or `%`/currency right next to a number; these rules cover what
 * it lets through (ISO dates that are valid Uruguayan landlines, Brazilian tax IDs that are valid
 * Brazilian numbers, a number glued to an order ID…).
 */

export interface TextRange {
  start: number;
  end: number;
}

const CURRENCY_CODES = 'USD|EUR|GBP|UYU|ARS|MXN|BRL|CLP|COP|PEN|CAD|AUD|CHF|JPY';
/**
 * An amount: `1,234.56`, `1.234,56`, `1 234`, `20`. It never starts inside a longer run of digits
 * (`415-666-7777 100$` is a number and a price), and a space-separated group followed by more
 * digits is a phone's, not a thousands group (`$20 415-666-7777`).
 */
const AMOUNT =
  String.raw`(?<![\d.,])-?(?:\d{1,3}(?:[.,']\d{3}|[\u00A0 ]\d{3}(?![-.]?\d))+|\d+)` +
  String.raw`(?:[.,]\d{1,2})?`;

/** Each pattern marks a range that can never be (part of) a phone number. */
const NOT_PHONE_PATTERNS: readonly RegExp[] = [
  // ISO dates, optionally with a time: 2024-05-12, 2024/05/12, 2024.05.12 10:30
  /(?<!\d)(?:19|20)\d{2}([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?(?!\d)/g,
  // Day-month-year and month-day-year: 12/05/2024, 12.05.2024, 05-12-24
  /(?<![\d./-])(?:0?[1-9]|[12]\d|3[01])([-./])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)?\d{2}(?![\d./-])/g,
  // Times: 10:30, 14:30:15, 9:05 pm
  /(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?!\d)/gi,
  // Money with a currency symbol or code before or after: $1,234.56, R$ 1.234,56, 1.234,56 €, USD 300
  new RegExp(
    String.raw`(?:[$€£¥₹₽₩₺₪₱]|R\$|U\$S|US\$|\$U|\b(?:${CURRENCY_CODES})\b)\s?${AMOUNT}`,
    'g',
  ),
  new RegExp(String.raw`${AMOUNT}\s?(?:[$€£¥]|\b(?:${CURRENCY_CODES})\b)`, 'g'),
  // Amounts with thousands groups and decimals, no currency: 1,234.56 · 1.234.567,89
  /(?<![\d.,])\d{1,3}([.,])\d{3}(?:\1\d{3})*(?!\1)[.,]\d{1,2}(?![\d.,]?\d)/g,
  // Percentages: 45%, 12,5 %
  /\d+(?:[.,]\d+)?\s?%/g,
  // IBANs: ES91 2100 0418 4502 0005 1332, GB82WEST12345698765432
  /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g,
  // ISBNs with their label, and hyphenated ISBN-13s: ISBN 0-306-40615-2, 978-3-16-148410-0
  /\bISBN(?:-1[03])?:?\s*[\dX][\dX -]{8,16}[\dX]\b/gi,
  /(?<![\d-])97[89]-\d{1,5}-\d{1,7}-\d{1,7}-\d(?![\d-])/g,
  // Versions and IPv4 addresses: v2.10.4, version 10.4.1234, 4.18.2-beta.1, 192.168.100.200
  /\bv(?:ersion)?\s?\d+(?:\.\d+)+\b/gi,
  /\b(?:version|versi[oó]n|vers[aã]o|release|build)\s*:?\s*\d+(?:\.\d+)*/gi,
  /(?<![\d.])\d+\.\d+\.\d+[-+][0-9A-Za-z.]+/g,
  /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g,
  // Uruguayan cédula (1.234.567-8, 1234567-8), Brazilian CPF and CNPJ, Argentine CUIT/CUIL,
  // Brazilian CEP (ZIP): 123.456.789-09, 12.345.678/0001-90, 20-12345678-9, 01310-100
  /(?<![\d.])\d\.\d{3}\.\d{3}-\d(?![\d-])/g,
  /(?<![\d.-])\d{6,7}-\d(?![\d-])/g,
  /(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?!\d)/g,
  /(?<![\d.])\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}(?!\d)/g,
  /(?<![\d-])(?:20|23|24|27|30|33|34)-\d{8}-\d(?![\d-])/g,
  // Year-month serials (lot and batch numbers): 2024-05-0012
  /(?<![\d-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-\d{3,6}(?![\d-])/g,
];

/** Brazilian CEP (ZIP) 01310-100: only where numbers are Brazilian (in Germany it is a number with its extension). */
const CEP = /(?<![\d-])\d{5}-\d{3}(?![\d-])/g;

/**
 * Card numbers: 13–19 digits, plain or grouped 4-4-4-4 / 4-6-5, that pass the Luhn check (and have
 * no `+` before them). The check keeps two 8-digit numbers written side by side callable.
 */
const CARD =
  /(?<![\d+])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{4,5})(?!\d)/g;

/** A bare ISBN-13 (with its check digit) is a book, not a number to call. */
const PLAIN_ISBN = /(?<!\d)97[89]\d{10}(?!\d)/g;

/** Every range of `text` that holds something that only looks like a phone number. */
export function findNotPhoneRanges(text: string, country?: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const pattern of NOT_PHONE_PATTERNS) collect(pattern, text, ranges);
  if (!country || country === 'BR') collect(CEP, text, ranges);
  collect(CARD, text, ranges, (digits) => luhnValid(digits));
  collect(PLAIN_ISBN, text, ranges, (digits) => isbn13Valid(digits));
  return ranges;
}

/**
 * Words right before a number that make it an identifier, not a phone: "Order 2024-00017",
 * "ID: 12345678", "CPF 12345678909", "Ticket n.º 4155550123".
 */
const IDENTIFIER_LABEL = new RegExp(
  String.raw`\b(?:id|order|invoice|inv|ticket|case|account|acct|ref|reference|sku|po|tracking|` +
    String.raw`pedido|orden|factura|caso|cuenta|referencia|fatura|conta|protocolo|chamado|` +
    String.raw`cpf|cnpj|rut|rfc|curp|cuit|cuil|dni|nif|cif|nie|ssn|ein|vat|iban|isbn|cep|zip|postal|` +
    // Tax and company IDs, and order labels, in the other languages agents' CRMs are written in.
    String.raw`nit|siren|siret|rcs(?:\s+[a-zà-ÿ-]+)?(?:\s+[ab])?|iva|p\.\s?iva|partita iva|c\.\s?f\.|` +
    String.raw`codice fiscale|contribuinte|hrb|hra|st\.?-?nr|steuer-?(?:nr|nummer)|ust-?idnr|` +
    String.raw`(?:rechnungs|kunden|auftrags|bestell)-?(?:nr|nummer)|routing|aba|lot|batch|serial|` +
    String.raw`c[oó]digo postal|zip code|c\.p\.)\s*(?:#|n\.?\s?[º°o]\.?|no\.|number|num\.?|n[uú]mero)?\s*[:#.]?\s*$`,
  'i',
);

/**
 * True when the match at `start..end` is part of a larger token: an ID such as `INV-2024-00017`
 * or `#100234`, a decimal, a percentage, an e-mail address, or a labelled identifier.
 */
export function isPartOfIdentifier(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 3);
  if (/[#№]$/.test(before)) return true;
  if (/[\p{L}\p{N}][-_/]$/u.test(before) && !isLabelGlued(before)) return true;
  // `-`/`_` continue an ID; `/` + digits is an alternative line ("2400 1234/35"), `/` + letters is not.
  if (/^[-_][\p{L}\p{N}]/u.test(after) || /^\/\p{L}/u.test(after) || /^@/.test(after)) return true;
  if (/^[.,]\d/.test(after)) return true;
  if (/^\s?%/.test(after)) return true;
  return IDENTIFIER_LABEL.test(before);
}

/**
 * A lower-case word glued with a hyphen labels the number (`number-415-666-7777`); upper-case and
 * alphanumeric prefixes are codes (`TCK-2400-1234`, `D-80331`), as are words in a path or an ID
 * label (`/item-…`, `order-…`).
 */
const GLUED_WORD = /(?<![\p{L}\p{N}_./-])\p{Lu}?\p{Ll}{2,}-$/u;

function isLabelGlued(before: string): boolean {
  return GLUED_WORD.test(before) && !IDENTIFIER_LABEL.test(before.slice(0, -1));
}

export function overlaps(ranges: readonly TextRange[], start: number, end: number): boolean {
  return ranges.some((range) => range.start < end && start < range.end);
}

/**
 * Adds every match of the global `pattern` in `text`. An `exec` loop, not `matchAll`: matchAll
 * copies the RegExp on every call, and this runs ~20 patterns on every text with digits.
 */
function collect(
  pattern: RegExp,
  text: string,
  into: TextRange[],
  accept?: (digits: string) => boolean,
): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === 0) pattern.lastIndex++;
    else if (!accept || accept(match[0].replace(/\D/g, ''))) {
      into.push({ start: match.index, end: match.index + match[0].length });
    }
  }
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function isbn13Valid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}
