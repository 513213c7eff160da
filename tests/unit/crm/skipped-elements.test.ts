import { describe, expect, it } from 'vitest';
import { isSkippedElement, SKIPPED_SELECTOR } from '@/utils/crm/skipped-elements';

describe('skipped elements (never scanned)', () => {
  it('answers exactly as the selector does', () => {
    document.body.innerHTML = `
      <p id="plain">text</p><time>2024</time><s>old</s><code>x</code><input><svg><g></g></svg>
      <div hidden>h</div><div contenteditable>e</div><div contenteditable="false">ok</div>
      <div contenteditable="plaintext-only">e</div><div role="textbox">t</div><div role="TEXTBOX">t</div>
      <div role="button">b</div><a href="fax:+14155550123">fax</a><a href="FAX:+1">fax</a>
      <a href=" fax:+1">space</a><a href="tel:+14155550123">tel</a><span class="x" data-y="1">s</span>
      <custom-element hidden></custom-element><custom-element></custom-element>`;
    const elements = [...document.body.querySelectorAll('*')];
    expect(elements.length).toBeGreaterThan(15);
    for (const element of elements) {
      expect(isSkippedElement(element), element.outerHTML).toBe(element.matches(SKIPPED_SELECTOR));
    }
  });
});
