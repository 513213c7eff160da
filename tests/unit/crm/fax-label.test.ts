import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { isFaxField, saysFax } from '@/utils/crm/fax-label';
import {
  dialStrings,
  fakeBackground,
  setPage,
  startOnPage,
  type StartedPage,
} from './helpers/page';

let page: StartedPage | null = null;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  page?.abort.abort();
  page = null;
  document.body.replaceChildren();
});

/** The first text node under `#n`. */
function numberText(): Text {
  const walker = document.createTreeWalker(document.getElementById('n')!, NodeFilter.SHOW_TEXT);
  return walker.nextNode() as Text;
}

describe('isFaxField', () => {
  it.each([
    ['a preceding <label>', '<label>Fax</label><span id="n">(415) 666-7777</span>'],
    ['a <dt>', '<dl><dt>Número de fax</dt><dd id="n">(415) 666-7777</dd></dl>'],
    ['a row header', '<table><tr><th>Facsímil</th><td id="n">(415) 666-7777</td></tr></table>'],
    [
      'a column header',
      '<table><thead><tr><th>Name</th><th>Fac-símile</th></tr></thead>' +
        '<tbody><tr><td>Ana</td><td><span id="n">(415) 666-7777</span></td></tr></tbody></table>',
    ],
    [
      'an SLDS label',
      '<div><span class="slds-form-element__label">Business Fax</span>' +
        '<div><span id="n">(415) 666-7777</span></div></div>',
    ],
    ['aria-label', '<div aria-label="Fax"><span id="n">(415) 666-7777</span></div>'],
    ['title', '<span id="n" title="Telefax">(415) 666-7777</span>'],
    ['data-field', '<div data-field="fax_number"><span id="n">(415) 666-7777</span></div>'],
    ['name', '<div name="fax"><div><span id="n">(415) 666-7777</span></div></div>'],
    ['a camel-case name', '<span id="n" data-field="homeFax">(415) 666-7777</span>'],
  ])('sees the fax label in %s', (_where, html) => {
    setPage(html);
    expect(isFaxField(numberText())).toBe(true);
  });

  it.each([
    ['a phone label', '<label>Phone</label><span id="n">(415) 666-7777</span>'],
    ['a shared line', '<label>Tel/Fax</label><span id="n">(415) 666-7777</span>'],
    ['a place name', '<span id="n" data-field="Fairfax">(415) 666-7777</span>'],
    ['a long text', '<p>Send the fax by noon</p><p id="n">(415) 666-7777</p>'],
    [
      'a label further out than the field',
      '<label>Fax</label><div><div><div><span id="n">(415) 666-7777</span></div></div></div>',
    ],
  ])('is not fooled by %s', (_where, html) => {
    setPage(html);
    expect(isFaxField(numberText())).toBe(false);
  });

  it('sees a label right before the text itself', () => {
    setPage('<p id="p"><label>Fax:</label> (415) 666-7777</p>');
    expect(isFaxField(document.getElementById('p')!.lastChild!)).toBe(true);
  });

  it('sees the field label of a tel: link inside a shadow root', () => {
    setPage(`<records-record-layout-item field-label="Fax">
      <lightning-formatted-phone><template shadowrootmode="open"
        ><a href="tel:4156667777">(415) 666-7777</a></template
      ></lightning-formatted-phone></records-record-layout-item>`);
    const host = document.querySelector('lightning-formatted-phone')!;
    expect(isFaxField(host.shadowRoot!.querySelector('a')!)).toBe(true);
  });

  it('reads the label of an input', () => {
    setPage('<label for="f">Fax</label><div><input id="f" value="(415) 666-7777"></div>');
    expect(isFaxField(document.getElementById('f')!)).toBe(true);
  });

  it.each([
    ['Fax', true],
    ['Fax: +1 415 666 7777', true],
    ['Fairfax', false],
    ['Phone / Fax', false],
    ['Call us', false],
  ])('saysFax(%j) is %s', (text, fax) => {
    expect(saysFax(text)).toBe(fax);
  });
});

describe('the scanner offers no call for fax fields', () => {
  it('text, tel: and fax: links labelled as fax get none; the phone beside them does', () => {
    fakeBackground();
    setPage(`
      <dl>
        <dt>Phone</dt><dd>(415) 666-7777</dd>
        <dt>Fax</dt><dd>(415) 666-7778</dd>
        <dt>Fax</dt><dd><a href="tel:+14156667779">(415) 666-7779</a></dd>
      </dl>
      <p><a href="tel:+14156667780">Fax</a> · <a href="tel:+14156667781">Fax: (415) 666-7781</a></p>
      <p><a href="fax:+14156667782">(415) 666-7782</a></p>
      <p>Fax: (415) 666-7783 · Tel: (415) 666-7784</p>`);
    page = startOnPage('https://intranet.example.com/contacts/42', 'US');
    expect(dialStrings()).toEqual(['+14156667777', '+14156667784']);
  });
});
