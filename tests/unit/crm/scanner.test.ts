import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CALL_BUTTON_HOST } from '@/utils/crm/call-button';
import { MAX_PENDING_WRITES } from '@/utils/crm/placement-ledger';
import {
  callButtons,
  dialStrings,
  fakeBackground,
  setPage,
  settle,
  startOnPage,
  trustedClick,
  type StartedPage,
} from './helpers/page';

const URL_GENERIC = 'https://intranet.example.com/contacts/42';

let page: StartedPage | null = null;

function start(html: string, options: Parameters<typeof startOnPage>[2] = {}): StartedPage {
  setPage(html);
  page = startOnPage(URL_GENERIC, 'US', options);
  return page;
}

/** Runs what the MutationObserver queued, as the idle callback would. */
function rescan(): void {
  page!.clickToCall.drain();
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  page?.abort.abort();
  page = null;
  document.body.replaceChildren();
  document.head.replaceChildren();
});

describe('placing buttons', () => {
  it('puts one accessible button right after each number, and the page text is unchanged', () => {
    fakeBackground();
    start('<p id="p">Call Ana at (415) 555-0123 or +44 20 7946 0958 today.</p>');
    const p = document.getElementById('p')!;

    const buttons = callButtons();
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Call (415) 555-0123',
      'Call +44 20 7946 0958',
    ]);
    expect(dialStrings()).toEqual(['+14155550123', '+442079460958']);
    expect(buttons.every((b) => b.type === 'button')).toBe(true);
    expect(p.textContent).toBe('Call Ana at (415) 555-0123 or +44 20 7946 0958 today.');
    // Right after the number: the node before each host ends with it.
    const hosts = [...p.querySelectorAll(CALL_BUTTON_HOST)];
    expect(hosts.map((h) => h.previousSibling?.textContent)).toEqual([
      'Call Ana at (415) 555-0123',
      ' or +44 20 7946 0958',
    ]);
    expect(buttons[0]!.title).toBe('Call +1 415 555 0123 with uContact');
  });

  it('does not split a text node whose number is at its end', () => {
    fakeBackground();
    start('<table><tr><td id="cell">(415) 555-0123 </td></tr></table>');
    const cell = document.getElementById('cell')!;
    expect(cell.childNodes).toHaveLength(2);
    expect(cell.lastChild?.nodeName.toLowerCase()).toBe(CALL_BUTTON_HOST);
  });

  it('finds numbers written in full-width digits and puts the button after them', () => {
    fakeBackground();
    start(
      '<p id="p">Tokyo office ＋１　（６５０）　３３３－６０００ and ４１５-６６６-７７７７ today.</p>',
    );
    const hosts = [...document.getElementById('p')!.querySelectorAll(CALL_BUTTON_HOST)];
    expect(dialStrings()).toEqual(['+16503336000', '+14156667777']);
    expect(hosts.map((h) => h.previousSibling?.textContent)).toEqual([
      'Tokyo office ＋１　（６５０）　３３３－６０００',
      ' and ４１５-６６６-７７７７',
    ]);
  });

  it('finds nothing in editable fields, code, scripts, styles or other widgets', () => {
    fakeBackground();
    start(`
      <input value="(415) 555-0123"><textarea>(415) 555-0124</textarea>
      <div contenteditable="true"><p>(415) 555-0125</p></div>
      <div contenteditable=""><span contenteditable="false">(415) 555-0126</span></div>
      <div role="textbox">(415) 555-0127</div>
      <script>var phone = "(415) 555-0128";</script><style>/* (415) 555-0129 */</style>
      <noscript>(415) 555-0130</noscript><code>(415) 555-0131</code>
      <button>(415) 555-0132</button><select><option>(415) 555-0133</option></select>
      <template><p>(415) 555-0134</p></template><p hidden>(415) 555-0135</p>
      <p>Only this one: (415) 555-0199</p>`);
    expect(dialStrings()).toEqual(['+14155550199']);
  });

  it('honours do-not-call markup: <s>, <del>, <strike> and line-through, own or inherited', () => {
    fakeBackground();
    start(`
      <style>.dnc { text-decoration: line-through; }</style>
      <p><s>(415) 555-0101</s></p>
      <p><del>(415) 555-0102</del></p>
      <p><strike>(415) 555-0103</strike></p>
      <p style="text-decoration: line-through">(415) 555-0104</p>
      <div class="dnc"><span><b>(415) 555-0105</b></span></div>
      <p style="text-decoration-line: line-through"><a href="tel:+14155550106">call</a></p>
      <p>(415) 555-0199</p>`);
    expect(dialStrings()).toEqual(['+14155550199']);
  });

  it('ignores dates, money, IDs and the like in page text', () => {
    fakeBackground();
    start(`
      <table>
        <tr><td>Order #100234</td><td>INV-2024-00017</td><td>$1,234.56</td><td>45%</td></tr>
        <tr><td>2024-05-12</td><td>12/05/2024</td><td>10:30</td><td>90210</td><td>v1.2.3</td></tr>
        <tr><td>4111 1111 1111 1111</td><td>ISBN 978-3-16-148410-0</td>
            <td>GB82 WEST 1234 5698 7654 32</td></tr>
      </table>`);
    expect(callButtons()).toEqual([]);
  });

  it('gives a tel: link one button after it, and does not scan its text again', () => {
    fakeBackground();
    start(`<p><a id="l" href="tel:+14155550123">(415) 555-0123</a> or
      <a href="tel:%2B1%20212%20555%200147;ext=9">Main office</a></p>`);
    const link = document.getElementById('l')!;
    expect(dialStrings()).toEqual(['+14155550123', '+12125550147']);
    expect(link.nextElementSibling?.localName).toBe(CALL_BUTTON_HOST);
    expect(callButtons()[1]!.getAttribute('aria-label')).toBe('Call Main office');
  });

  it('gives an sms: link that shows no number no button; one that shows a number is text', () => {
    fakeBackground();
    start(`
      <p id="empty"><a href="sms:+14155550123"></a></p>
      <p id="icon"><a href="sms:+14155550124" title="Send SMS"><i class="fa fa-mobile"></i> SMS</a></p>
      <p id="text"><a href="sms:+14155550125">(415) 555-0125</a></p>`);
    expect(callButtons(document.getElementById('empty')!)).toEqual([]);
    expect(callButtons(document.getElementById('icon')!)).toEqual([]);
    // Its text is read like any text, and the button goes after the link, never in it.
    expect(dialStrings()).toEqual(['+14155550125']);
    expect(document.querySelector('#text a')!.nextElementSibling?.localName).toBe(CALL_BUTTON_HOST);
  });

  it('never nests a button inside a link: it goes right after the link', () => {
    fakeBackground();
    start('<p><a id="a" href="/contacts/7">Ana López · (415) 555-0123</a> (owner)</p>');
    const link = document.getElementById('a')!;
    expect(link.querySelector(CALL_BUTTON_HOST)).toBeNull();
    expect(link.nextElementSibling?.localName).toBe(CALL_BUTTON_HOST);
    expect(dialStrings()).toEqual(['+14155550123']);
  });

  it('walks open shadow roots, nested ones too, and puts the button inside the same root', () => {
    fakeBackground();
    setPage('<x-card id="card"></x-card>');
    const card = document.getElementById('card')!;
    const outer = card.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>Desk: (415) 555-0123</p><x-inner></x-inner>';
    const inner = outer.querySelector('x-inner')!.attachShadow({ mode: 'open' });
    inner.innerHTML =
      '<lightning-formatted-phone><a href="tel:4155550199">(415) 555-0199</a></lightning-formatted-phone>';
    page = startOnPage(URL_GENERIC, 'US');

    expect(dialStrings(outer)).toEqual(['+14155550123', '+14155550199']);
    expect(outer.querySelector(CALL_BUTTON_HOST)).not.toBeNull();
    expect(inner.querySelector(CALL_BUTTON_HOST)).not.toBeNull();
  });

  it('finds shadow roots attached after the host was scanned', () => {
    fakeBackground();
    start('<x-late id="late"></x-late>');
    expect(callButtons()).toEqual([]);

    const shadow = document.getElementById('late')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>(415) 555-0123</span>';
    page!.scheduler.runTimers(); // the host re-check
    rescan();
    expect(dialStrings()).toEqual(['+14155550123']);

    // Changes inside that root are watched from now on.
    shadow.append(Object.assign(document.createElement('p'), { textContent: '(415) 555-0199' }));
    rescan();
    expect(dialStrings()).toEqual(['+14155550123', '+14155550199']);
  });

  it('host elements are style-isolated and expose nothing but a style', () => {
    fakeBackground();
    start(
      '<style>ucontact-call, span, button { display: none !important; }</style><p>(415) 555-0123</p>',
    );
    const host = document.querySelector(CALL_BUTTON_HOST) as HTMLElement;
    expect(host.getAttributeNames()).toEqual(['style']);
    expect(host.style.getPropertyValue('display')).toBe('inline-block');
    expect(host.style.getPropertyPriority('display')).toBe('important');
    expect(host.shadowRoot?.mode).toBe('open');
    expect(host.textContent).toBe('');
  });
});

describe('single-page apps', () => {
  it('adds buttons only for added nodes and never walks the whole page again', () => {
    fakeBackground();
    start('<main id="app"><p>(415) 555-0123</p></main>');
    const first = callButtons()[0];
    const walkerRoots: Node[] = [];
    const createTreeWalker = document.createTreeWalker.bind(document);
    vi.spyOn(document, 'createTreeWalker').mockImplementation((root, ...rest) => {
      walkerRoots.push(root);
      return createTreeWalker(root, ...rest);
    });

    const row = document.createElement('section');
    row.innerHTML = '<h2>New lead</h2><p>Mobile (415) 555-0199</p>';
    document.getElementById('app')!.append(row);
    rescan();

    expect(dialStrings()).toEqual(['+14155550123', '+14155550199']);
    expect(callButtons()[0]).toBe(first);
    expect(walkerRoots).toEqual([row]);
  });

  it('does not duplicate buttons after repeated mutations', () => {
    fakeBackground();
    start(
      '<ul id="list"><li id="a">Ana (415) 555-0123</li><li id="b">Bo +44 20 7946 0958</li></ul>',
    );
    const list = document.getElementById('list')!;
    for (let i = 0; i < 5; i++) {
      list.append(document.getElementById('a')!); // re-order: remove + insert
      list.setAttribute('data-tick', String(i));
      document.getElementById('b')!.classList.toggle('selected');
      rescan();
    }
    expect(dialStrings().sort()).toEqual(['+14155550123', '+442079460958']);
  });

  it('follows a framework rewriting the text node it owns', () => {
    fakeBackground();
    start('<p id="p">Tel (415) 555-0123 (mobile)</p>');
    const p = document.getElementById('p')!;
    const owned = p.firstChild as Text; // the node a framework keeps a reference to

    owned.data = 'Tel +44 20 7946 0958 (office)';
    rescan();

    expect(p.textContent).toBe('Tel +44 20 7946 0958 (office)');
    expect(dialStrings()).toEqual(['+442079460958']);
  });

  it('takes a button away when the page removes its number', () => {
    fakeBackground();
    start(
      '<p id="p"><span id="s">(415) 555-0123</span> <a id="l" href="tel:+14155550199">Desk</a></p>',
    );
    const text = document.getElementById('s')!.firstChild!;
    text.remove();
    document.getElementById('l')!.remove();
    rescan();
    expect(callButtons()).toEqual([]);
  });

  it('rescans a link whose href changes', () => {
    fakeBackground();
    start('<a id="l" href="tel:+14155550123">Call</a>');
    document.getElementById('l')!.setAttribute('href', 'tel:+14155550199');
    rescan();
    expect(dialStrings()).toEqual(['+14155550199']);
  });

  it('skips nodes removed before their turn came', () => {
    fakeBackground();
    start('<main id="app"></main>');
    const row = document.createElement('p');
    row.textContent = '(415) 555-0123';
    document.getElementById('app')!.append(row);
    row.remove();
    rescan();
    expect(callButtons()).toEqual([]);
  });

  it('works in bounded idle slices instead of one long task', () => {
    fakeBackground();
    const rows = Array.from(
      { length: 60 },
      (_, i) => `<p>Lead ${i}: (415) 555-${String(1000 + i)}</p>`,
    );
    setPage(`<main>${rows.join('')}</main>`);
    page = startOnPage(URL_GENERIC, 'US', { drain: false, sliceNodes: 10 });
    expect(callButtons()).toEqual([]); // nothing runs until the page is idle
    const slices = page.scheduler.runIdle();
    expect(slices).toBeGreaterThan(5);
    expect(callButtons()).toHaveLength(60);
  });

  describe('while a long scan holds found numbers back (one layout per batch, not per slice)', () => {
    const leads = Array.from({ length: 30 }, (_, i) => `<p>Lead ${i}</p>`).join('');
    /** One slice of one text node: the first number is read, and waits for the scan to go on. */
    const scanUntilFound = () => {
      page!.scheduler.idle.shift()!();
      expect(callButtons()).toEqual([]);
    };

    it('places them once the scan ends', () => {
      fakeBackground();
      setPage(`<main><p id="a">(415) 555-0123</p>${leads}</main>`);
      page = startOnPage(URL_GENERIC, 'US', { drain: false, sliceNodes: 1 });
      scanUntilFound();
      page.scheduler.idle.shift()!();
      expect(callButtons()).toEqual([]);
      page.scheduler.runIdle();
      expect(dialStrings()).toEqual(['+14155550123']);
    });

    it('places a full batch before scanning on, so one slice never places hundreds at once', () => {
      fakeBackground();
      const count = MAX_PENDING_WRITES + 300;
      const rows = Array.from({ length: count }, (_, i) => `<p>(415) 555-${1000 + i}</p>`);
      setPage(`<main>${rows.join('')}</main>`);
      page = startOnPage(URL_GENERIC, 'US', { drain: false, sliceNodes: 100_000 });
      page.scheduler.idle.shift()!();
      const first = callButtons().length;
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(count);
      page.scheduler.runIdle();
      expect(callButtons()).toHaveLength(count);
    });

    it('a number the page rewrites meanwhile gets one button, for the new number', () => {
      fakeBackground();
      setPage(`<main><p id="a">(415) 555-0123</p>${leads}</main>`);
      page = startOnPage(URL_GENERIC, 'US', { drain: false, sliceNodes: 1 });
      scanUntilFound();
      (document.getElementById('a')!.firstChild as Text).data = '+44 20 7946 0958';
      page.scheduler.runIdle();
      expect(dialStrings()).toEqual(['+442079460958']);
      expect(document.getElementById('a')!.textContent).toBe('+44 20 7946 0958');
    });

    it('a link whose number changes meanwhile gets one button, for the new number', () => {
      fakeBackground();
      setPage(`<main><a id="a" href="tel:+14155550123">Desk</a>${leads}</main>`);
      page = startOnPage(URL_GENERIC, 'US', { drain: false, sliceNodes: 1 });
      scanUntilFound();
      document.getElementById('a')!.setAttribute('href', 'tel:+14155550199');
      page.scheduler.runIdle();
      expect(dialStrings()).toEqual(['+14155550199']);
    });

    it('an adapter phone field the page updates meanwhile gets one button, for the new number', () => {
      fakeBackground();
      setPage(
        `<main><lightning-formatted-phone disabled id="f">555-0142</lightning-formatted-phone>${leads}</main>`,
      );
      page = startOnPage('https://acme.lightning.force.com/lightning/r/Contact/1/view', 'US', {
        drain: false,
        sliceNodes: 1,
      });
      scanUntilFound();
      (document.getElementById('f')!.firstChild as Text).data = '555-0177';
      page.scheduler.runIdle();
      expect(dialStrings()).toEqual(['5550177']);
    });

    it('a number the page takes away meanwhile gets none, and one when it comes back', () => {
      fakeBackground();
      setPage(`<main><p id="a">(415) 555-0123</p>${leads}</main>`);
      page = startOnPage(URL_GENERIC, 'US', { drain: false, sliceNodes: 1 });
      scanUntilFound();
      const a = document.getElementById('a')!;
      a.remove();
      page.scheduler.runIdle();
      expect(callButtons()).toEqual([]);
      document.querySelector('main')!.append(a);
      rescan();
      expect(dialStrings()).toEqual(['+14155550123']);
    });
  });

  it('stops completely when the content script is invalidated', () => {
    fakeBackground();
    start('<main id="app"><p>(415) 555-0123</p></main>');
    page!.abort.abort();
    expect(callButtons()).toEqual([]);
    document
      .getElementById('app')!
      .append(Object.assign(document.createElement('p'), { textContent: '(415) 555-0199' }));
    rescan();
    page!.scheduler.runIdle();
    page!.scheduler.runTimers();
    expect(callButtons()).toEqual([]);
  });

  it('removes buttons left behind by an earlier copy of the script', () => {
    fakeBackground();
    setPage('<p>(415) 555-0123</p>');
    const old = startOnPage(URL_GENERIC, 'US');
    // The old copy lost its extension context and could not clean up.
    page = startOnPage(URL_GENERIC, 'US');
    expect(dialStrings()).toEqual(['+14155550123']);
    old.abort.abort();
  });
});

describe('clicking', () => {
  it('dials the detected number on a trusted click', async () => {
    const background = fakeBackground();
    start('<p>Ana: (415) 555-0123 ext. 45</p>');
    trustedClick(callButtons()[0]!);
    await settle();
    expect(background.dials()).toEqual([
      { dial: '+14155550123', display: '(415) 555-0123 ext. 45', extension: '45' },
    ]);
  });

  it('ignores synthetic clicks from page scripts', async () => {
    const background = fakeBackground();
    start('<p>(415) 555-0123</p>');
    const button = callButtons()[0]!;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle();
    expect(background.dials()).toEqual([]);
  });

  it('dials what was detected, whatever the page writes into data-ucontact-call', async () => {
    const background = fakeBackground();
    start('<p>(415) 555-0123</p>');
    const button = callButtons()[0]!;
    button.dataset.ucontactCall = '1@evil.example';
    button.setAttribute('aria-label', 'Call 911');
    trustedClick(button);
    await settle();
    expect(background.dials()).toEqual([{ dial: '+14155550123', display: '(415) 555-0123' }]);
  });

  it('keeps the click away from the page (no row navigation)', () => {
    fakeBackground();
    start('<table><tr id="row"><td>(415) 555-0123</td></tr></table>');
    const onRowClick = vi.fn();
    document.getElementById('row')!.addEventListener('click', onRowClick);
    const event = trustedClick(callButtons()[0]!);
    expect(onRowClick).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(true);
  });

  it('shows a localized inline hint when the agent is logged out', async () => {
    const background = fakeBackground({ loggedIn: false, sipState: null });
    background.dialReply = { ok: false, error: { key: 'errorNotLoggedIn', substitutions: [] } };
    start('<p>(415) 555-0123</p>');
    await settle();
    const button = callButtons()[0]!;
    // Nothing on the button says so before the click: the page could read it.
    expect(button.dataset.state).toBe('idle');
    expect(button.title).toBe('Call +1 415 555 0123 with uContact');

    trustedClick(button);
    await settle();
    const hint = button.parentNode!.querySelector('[role="status"]') as HTMLElement;
    expect(hint.hidden).toBe(false);
    expect(hint.textContent).toBe('Log in to uContact from the toolbar button to place calls.');
    page!.scheduler.runTimers();
    expect(hint.hidden).toBe(true);
  });

  it('shows busy while dialling, and nothing of the session (in a call or not) to the page', async () => {
    let answer!: (reply: unknown) => void;
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const { kind, type } = message as { kind: string; type: string };
      if (kind !== 'request') return undefined;
      if (type === 'page.status') {
        return Promise.resolve({ loggedIn: true, sipState: 'registered', inCall: false });
      }
      return new Promise((resolve) => (answer = resolve));
    });
    start('<p>(415) 555-0123</p>');
    await settle();
    const button = callButtons()[0]!;
    const idleColour = getComputedStyle(button).backgroundColor;
    trustedClick(button);
    await settle();
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.title).toBe('Calling +1 415 555 0123…');

    answer({ ok: true, value: null });
    await settle();
    expect(button.getAttribute('aria-busy')).toBe('false');

    await fakeBrowser.runtime.sendMessage({
      channel: 'ucontact',
      kind: 'event',
      type: 'page.status',
      payload: { loggedIn: true, sipState: 'registered', inCall: true },
    });
    expect(button.dataset.state).toBe('idle');
    expect(button.title).toBe('Call +1 415 555 0123 with uContact');
    expect(getComputedStyle(button).backgroundColor).toBe(idleColour);
  });

  it('routes trusted tel: link clicks to the extension while logged in', async () => {
    const background = fakeBackground();
    start('<a id="l" href="tel:+14155550123">(415) 555-0123</a>');
    await settle();
    const event = trustedClick(document.getElementById('l')!);
    await settle();
    expect(event.defaultPrevented).toBe(true);
    expect(background.dials()).toEqual([{ dial: '+14155550123', display: '(415) 555-0123' }]);
  });

  it('leaves tel: links to the operating system when logged out, and ignores untrusted clicks', async () => {
    const background = fakeBackground({ loggedIn: false, sipState: null });
    start('<a id="l" href="tel:+14155550123">(415) 555-0123</a>');
    await settle();
    const link = document.getElementById('l')!;
    link.addEventListener('click', (e) => e.preventDefault()); // happy-dom would try to navigate
    expect(trustedClick(link).defaultPrevented).toBe(true); // only the page's own handler
    background.status = { loggedIn: true, sipState: 'registered', inCall: false };
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await settle();
    expect(background.dials()).toEqual([]);
  });
});

describe('CRM-specific targets', () => {
  it('reads an adapter phone field as one number, also after the page updates it', () => {
    fakeBackground();
    setPage(
      '<p><lightning-formatted-phone disabled id="f">555-0142</lightning-formatted-phone></p>',
    );
    page = startOnPage('https://acme.lightning.force.com/lightning/r/Contact/1/view', 'US');
    expect(dialStrings()).toEqual(['5550142']);

    (document.getElementById('f')!.firstChild as Text).data = '555-0177';
    rescan();
    expect(dialStrings()).toEqual(['5550177']);
  });

  it('puts a button after an adapter phone input and follows its value', () => {
    fakeBackground();
    setPage(
      '<div><input data-id="telephone1.fieldControl-phone-text-input" value="020 7946 0958"></div>',
    );
    page = startOnPage('https://contoso.crm4.dynamics.com/main.aspx', 'GB');
    const input = document.querySelector('input')!;
    expect(input.nextElementSibling?.localName).toBe(CALL_BUTTON_HOST);
    expect(dialStrings()).toEqual(['+442079460958']);

    input.value = '07911 123456';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    rescan();
    expect(dialStrings()).toEqual(['+447911123456']);
  });
});

describe('phone links in shadow roots', () => {
  it('routes a trusted click on a tel: link inside an open shadow root', async () => {
    const background = fakeBackground();
    setPage('<lightning-formatted-phone id="host"></lightning-formatted-phone>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<a href="tel:4155550199">(415) 555-0199</a>';
    page = startOnPage(URL_GENERIC, 'US');
    await settle();
    const event = trustedClick(shadow.querySelector('a')!);
    await settle();
    expect(event.defaultPrevented).toBe(true);
    expect(background.dials()).toEqual([{ dial: '+14155550199', display: '(415) 555-0199' }]);
  });
});
