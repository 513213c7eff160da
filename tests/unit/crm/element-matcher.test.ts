import { describe, expect, it } from 'vitest';
import { elementMatcher, rightmostTypes } from '@/utils/crm/element-matcher';

const PAGE = `
  <a id="tel" href="tel:+14155550123">call</a>
  <a id="plain" href="/x">x</a>
  <lightning-formatted-phone id="sf" disabled></lightning-formatted-phone>
  <lightning-formatted-phone id="sf-on"></lightning-formatted-phone>
  <div class="phone" id="div"><span data-phone="1" id="span">1</span></div>
  <table><tr><td id="td" title="a, b">x</td></tr></table>
  <input id="input" type="tel">
`;

const SELECTORS = [
  'a[href^="tel:" i]',
  'a[href^="tel:" i], lightning-formatted-phone[disabled]',
  'div.phone > span[data-phone]',
  'td[title="a, b"]',
  'tr td',
  '.phone',
  '[data-phone]',
  'input[type="tel"], .phone span',
  ':is(a, td)',
  '*',
];

describe('element matcher (a cheap matches() for a first scan)', () => {
  it('answers exactly as matches() does, for every element and selector list', () => {
    document.body.innerHTML = PAGE;
    const elements = [...document.body.querySelectorAll('*')];
    for (const selector of SELECTORS) {
      const matches = elementMatcher(selector);
      for (const element of elements) {
        expect(matches(element), `${selector} on #${element.id || element.localName}`).toBe(
          element.matches(selector),
        );
      }
    }
  });

  it('reads the element types the selectors end with, or none where any type may match', () => {
    expect(rightmostTypes('a[href^="tel:" i]')).toEqual(new Set(['a']));
    expect(rightmostTypes('div > A.x, td[title="a, b"]')).toEqual(new Set(['a', 'td']));
    expect(
      rightmostTypes('records-record-layout-item[field-label="Phone"] lightning-formatted-phone'),
    ).toEqual(new Set(['lightning-formatted-phone']));
    expect(rightmostTypes('a, .phone')).toBeNull();
    expect(rightmostTypes(':is(a, td)')).toBeNull();
    expect(rightmostTypes('svg|a')).toBeNull();
    expect(rightmostTypes('my\\-el')).toBeNull();
    expect(elementMatcher('')(document.body)).toBe(false);
  });
});
