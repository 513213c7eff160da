/** Zero of the Arabic-Indic and Persian digit sets, which libphonenumber-js reads too. */
const ARABIC_ZEROS = [0x0660, 0x06f0];

/**
 * `text` with full-width forms (`＋１（６５０）`, the ideographic space) and the digits
 * libphonenumber-js reads spelled in ASCII, one UTF-16 unit for one, so a range found in the copy
 * is the same range in `text`. The date, money and identifier rules, written for ASCII, then see
 * through full-width text as well.
 */
export function foldToAscii(text: string): string {
  // Nothing to fold in the common case: every character below the Arabic digits.
  if (!/[\u0660-\u0669\u06f0-\u06f9\u3000\uff01-\uff5e]/.test(text)) return text;
  let folded = '';
  for (let i = 0; i < text.length; i++) folded += foldUnit(text.charCodeAt(i), text[i]!);
  return folded;
}

function foldUnit(code: number, unit: string): string {
  if (code === 0x3000) return ' ';
  for (const zero of ARABIC_ZEROS) {
    if (code >= zero && code <= zero + 9) return String(code - zero);
  }
  // U+FF01–FF5E are ASCII `!`…`~` shifted by 0xFEE0 (full-width digits included).
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  return unit;
}
