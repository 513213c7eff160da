import { composedParent, isElement, isText } from './dom';

/**
 * A label that names a fax line: `Fax`, `Business Fax`, `Nº de fax`, `Telefax`, `Facsímil`,
 * `Fac-símile`. A label that also names a phone (`Tel/Fax`, `Teléfono y fax`) is a shared line.
 */
const FAX_TEXT = /\b(?:tele)?fax\b|\bfac-?s[ií]mil/i;
const PHONE_TEXT = /\b(?:tel|phone|tel[eé]fono|telefone|fone)\b/i;

/**
 * A field's name as CRMs write it in attributes: `fax`, `Fax__c`, `Contact.Fax`, `homeFax`,
 * `fax.fieldControl…`, `id-fax`. Case-sensitive so that `Fairfax` and `faxes…` stay out.
 */
const FAX_NAME = /(?:^|[^A-Za-z])(?:[Tt]ele)?(?:fax|Fax|FAX)(?![a-z])|(?<=[a-z])Fax(?![a-z])/;

const LABEL_ATTRIBUTES = ['aria-label', 'title', 'field-label', 'data-label'];
const NAME_ATTRIBUTES = ['name', 'id', 'data-field', 'data-id', 'data-target-selection-name'];

/** Elements that label the field right after them. */
const LABEL_ELEMENTS = 'label, dt, th, .slds-form-element__label, .test-id__field-label';

/** The field's own element and its wrappers: a number's label is never further out than this. */
const LEVELS = 3;

/** Longer texts are content, not a label. */
const MAX_LABEL_CHARS = 40;

/**
 * Whether the CRM field holding `node` is labelled as a fax, so its number gets no call. Cheap:
 * reads a few attributes and neighbours of `node` and of its nearest wrappers, never the page.
 */
export function isFaxField(node: Node): boolean {
  // `<label>Fax</label> 415-666-7777`: the label is the text's own neighbour.
  if (isText(node) && labelElementSaysFax((node as Text).previousElementSibling)) return true;
  let element = isElement(node) ? node : composedParent(node);
  for (let level = 0; element && level < LEVELS; level++, element = composedParent(element)) {
    if (labelsFax(element)) return true;
  }
  return false;
}

/** Whether `text` (a link's text, a label's) names a fax line and no phone. */
export function saysFax(text: string): boolean {
  const label = text.trim();
  return label.length <= MAX_LABEL_CHARS && FAX_TEXT.test(label) && !PHONE_TEXT.test(label);
}

function labelsFax(element: Element): boolean {
  for (const name of LABEL_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value && saysFax(value)) return true;
  }
  for (const name of NAME_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value && FAX_NAME.test(value)) return true;
  }
  if (labelElementSaysFax(element.previousElementSibling)) return true;
  if (element.localName === 'input') {
    const labels = (element as HTMLInputElement).labels ?? [];
    for (const label of labels) if (saysFax(label.textContent ?? '')) return true;
  }
  return element.localName === 'td' && saysFax(columnHeader(element));
}

function labelElementSaysFax(element: Element | null): boolean {
  return !!element?.matches(LABEL_ELEMENTS) && saysFax(element.textContent ?? '');
}

/** The text of the header above `cell` in its table's `<thead>` (colspans aside), or ''. */
function columnHeader(cell: Element): string {
  // Children, not selectors: a 5,000-row list asks this of every cell with digits, and a query
  // from the table walks all its rows each time.
  let index = 0;
  for (let before = cell.previousElementSibling; before; before = before.previousElementSibling) {
    index++;
  }
  const table = cell.closest('table');
  let head: Element | null = null;
  for (let child = table?.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'thead') head = child;
  }
  let row = head?.lastElementChild ?? null;
  while (row && row.localName !== 'tr') row = row.previousElementSibling;
  return row?.children[index]?.textContent ?? '';
}
