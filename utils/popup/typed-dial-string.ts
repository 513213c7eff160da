/**
 * A number typed in the dial pad as a dial string: the usual separators (spaces, dashes, dots,
 * parentheses) dropped; anything else makes it invalid (null), never silently removed.
 */
export function typedDialString(typed: string): string | null {
  const compact = typed.trim().replace(/[\s().-]/g, '');
  return /^\+?[0-9*#]{1,32}$/.test(compact) ? compact : null;
}
