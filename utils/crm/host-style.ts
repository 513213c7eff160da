/**
 * Our hosts sit in the page, so page CSS applies to them: `all: initial` with `!important` inline
 * wins over any stylesheet rule. (A page script can still rewrite the inline style; the click guard
 * checks what is really shown at click time.)
 */
export function styleHost(host: HTMLElement, declarations: readonly [string, string][]): void {
  // One CSSOM write instead of a call per declaration (a first scan styles thousands). CSSOM, not
  // the style attribute: a page's CSP (style-src) may refuse inline style attributes.
  host.style.cssText = inlineStyle(declarations);
}

const BASE: readonly [string, string][] = [
  ['all', 'initial'],
  ['visibility', 'visible'],
  ['opacity', '1'],
];

const written = new WeakMap<readonly [string, string][], string>();

/** `all` first, so the longhands after it win; every declaration `!important`. */
function inlineStyle(declarations: readonly [string, string][]): string {
  let style = written.get(declarations);
  if (style === undefined) {
    style = [...BASE, ...declarations]
      .map(([name, value]) => `${name}: ${value} !important;`)
      .join(' ');
    written.set(declarations, style);
  }
  return style;
}
