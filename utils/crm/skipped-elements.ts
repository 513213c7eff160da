/**
 * Never scanned: editable fields, code, hidden templates, interactive widgets a button cannot sit
 * in, dates (`<time>`), do-not-call markup (`<s>`, `<del>`, `<strike>`) and `fax:` links. As a
 * selector, for the record and the tests; `isSkippedElement` answers the same without the
 * selector engine, since a first scan asks it of every element of the page.
 */
const SKIPPED_TYPES: ReadonlySet<string> = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'code',
  'kbd',
  'samp',
  'time',
  's',
  'del',
  'strike',
]);

export const SKIPPED_SELECTOR = [
  ...SKIPPED_TYPES,
  'a[href^="fax:" i]',
  '[hidden]',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
  '[role="searchbox"]',
  '[role="combobox"]',
].join(', ');

const EDITING_ROLES: ReadonlySet<string> = new Set(['textbox', 'searchbox', 'combobox']);

/** `element.matches(SKIPPED_SELECTOR)`, from its type and a few attributes. */
export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TYPES.has(element.localName)) return true;
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = element.getAttribute('role');
  if (role !== null && EDITING_ROLES.has(role)) return true;
  return element.localName === 'a' && /^fax:/i.test(element.getAttribute('href') ?? '');
}
