/** Decimal digits of any script (`\p{Nd}`): full-width `１`, Arabic-Indic `١`… count like `1`. */
const DIGIT = /^\p{Nd}$/u;
/** The first decimal digit past ASCII is U+0660 (Arabic-Indic zero). */
const FIRST_OTHER_DIGIT = 0x660;

/**
 * The first `limit` decimal digits of `text`, counted cheaply (most text nodes hold none): a loop
 * over char codes, the Unicode class asked only of characters that could be a digit of another
 * script. Pure and import-free, so the content script's prefilter may share it with the
 * background's reader.
 */
export function countDigits(text: string, limit = Infinity): number {
  let count = 0;
  for (let i = 0; i < text.length && count < limit; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
    else if (code >= FIRST_OTHER_DIGIT) {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) i++;
      if (DIGIT.test(String.fromCodePoint(point))) count++;
    }
  }
  return count;
}
