/**
 * `element.matches(selector)`, made cheap for the elements that cannot match. A first scan meets
 * every element of the page (50k in a long CRM list) and asks each several selector lists: where
 * every selector of a list names its element type (`a[href^="tel:"]`,
 * `lightning-formatted-phone[disabled]`), a look at `localName` answers for all other elements
 * without running the selector engine.
 */
export function elementMatcher(selector: string): (element: Element) => boolean {
  if (!selector) return () => false;
  const tags = rightmostTypes(selector);
  if (!tags) return (element) => element.matches(selector);
  return (element) => tags.has(element.localName) && element.matches(selector);
}

/**
 * The element types the selectors of a list end with, lower case; null when one of them matches
 * any type (`.phone`, `[data-phone]`, `:is(…)`, `*`, a namespace) or the list cannot be read here.
 */
export function rightmostTypes(selectorList: string): Set<string> | null {
  const types = new Set<string>();
  for (const selector of splitTopLevel(selectorList, ',')) {
    const compound = lastCompound(selector);
    const type = /^[a-zA-Z][\w-]*/.exec(compound)?.[0];
    // An escaped or namespaced type is left to the selector engine.
    if (!type || compound.includes('|') || compound[type.length] === '\\') return null;
    types.add(type.toLowerCase());
  }
  return types.size > 0 ? types : null;
}

/** Splits at `separator` outside brackets, parentheses and quotes. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  forEachTopLevel(text, (char, i) => {
    if (char !== separator) return;
    parts.push(text.slice(start, i));
    start = i + 1;
  });
  parts.push(text.slice(start));
  return parts;
}

/** The compound selector after the last combinator (space, `>`, `+`, `~`) of `selector`. */
function lastCompound(selector: string): string {
  const trimmed = selector.trim();
  let start = 0;
  forEachTopLevel(trimmed, (char, i) => {
    if (/[\s>+~]/.test(char)) start = i + 1;
  });
  return trimmed.slice(start);
}

/** Calls `visit` for each character of `text` outside brackets, parentheses, quotes and escapes. */
function forEachTopLevel(text: string, visit: (char: string, index: number) => void): void {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '\\') i++;
    else if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (depth === 0) visit(char, i);
  }
}
