/** Decimal digits of any script (`\p{Nd}`): full-width `１`, Arabic-Indic `١`… count like `1`. */
const DIGITS = /\p{Nd}/gu;

/**
 * The first `limit` decimal digits of `text`, counted cheaply (most text nodes hold none). Pure and
 * import-free, so the content script's prefilter may share it with the background's reader.
 */
export function countDigits(text: string, limit = Infinity): number {
  DIGITS.lastIndex = 0;
  let count = 0;
  while (count < limit && DIGITS.exec(text)) count++;
  return count;
}
