import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Callee } from '../../rig/callee';
import type { FixtureServer } from '../../rig/fixture-server';
import { startCrmSession, type CrmSession } from '../support/crm-session';
import type { Environment } from '../support/environment';
import type { PopupPage } from '../support/popup-page';
import { CLICK_SETTLE_MS, sleep, waitUntil } from '../support/wait';

const CRM_HOST = 'acme.lightning.force.com';

/**
 * A hostile page: whatever a CRM page's scripts do, no call is placed without the agent's own
 * click, and no secret is readable.
 */
describe('resilience: hostile page', () => {
  let session: CrmSession;
  let env: Environment;
  let fixtures: FixtureServer;
  let callee: Callee;
  let popup: PopupPage;
  let crm: Page;

  const invites = () =>
    env.kamailio.sipRequests().filter((r) => r.method === 'INVITE' && !r.inDialog).length;
  const ourButtons = (page: Page) =>
    page.locator('ucontact-call').getByRole('button', { name: /^Call / });
  const expectNoCall = async (before: number) => {
    await sleep(800);
    expect(invites()).toBe(before);
  };
  /** Evaluates in the content script's isolated world (where its `chrome` APIs live). */
  const inContentScript = async (page: Page, expression: string): Promise<unknown> => {
    const cdp: CDPSession = await page.context().newCDPSession(page);
    try {
      const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
      cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
      await cdp.send('Runtime.enable');
      const world = await waitUntil(
        () =>
          contexts.find(
            (c) => c.auxData?.type === 'isolated' && c.name === 'uContact Click-to-Call',
          ),
        5_000,
        'the content script world',
      );
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
      });
      return exceptionDetails
        ? { error: exceptionDetails.exception?.description ?? exceptionDetails.text }
        : result.value;
    } finally {
      await cdp.detach();
    }
  };

  beforeAll(async () => {
    session = await startCrmSession(CRM_HOST, 'salesforce');
    ({ env, fixtures, callee, popup } = session);
    crm = await env.browser.context.newPage();
    await crm.goto(fixtures.url(CRM_HOST, '/lightning/r/Contact/0035g00000AbCdEAAZ/view'));
    // The Salesforce record's six numbers; its Fax field gets none.
    await waitUntil(async () => (await ourButtons(crm).count()) === 6, 10_000, 'call buttons');
    // A click counts only on a button that has stood still 500 ms (utils/crm/click-guard.ts).
    await sleep(CLICK_SETTLE_MS);
  });
  afterAll(() => session?.close());

  it('synthetic click and keydown events on our buttons place no call', async () => {
    const before = invites();
    await crm.evaluate(() => {
      for (const host of document.querySelectorAll('ucontact-call')) {
        const button = host.shadowRoot?.querySelector('button');
        button?.click();
        button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        for (const key of ['Enter', ' ']) {
          button?.dispatchEvent(
            new KeyboardEvent('keydown', { key, bubbles: true, composed: true }),
          );
          button?.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, composed: true }));
        }
      }
    });
    await expectNoCall(before);
  });

  it('window.postMessage with dial-like payloads places no call', async () => {
    const before = invites();
    await crm.evaluate(() => {
      const payloads = [
        {
          channel: 'ucontact',
          kind: 'request',
          type: 'call.dial',
          payload: { dial: '+14155550123', display: 'x' },
        },
        { type: 'call.dial', dial: '+14155550123' },
        'tel:+14155550123',
      ];
      for (const payload of payloads) window.postMessage(payload, '*');
    });
    await expectNoCall(before);
  });

  it('a rewritten data-ucontact-call does not change what is dialled', async () => {
    await crm.evaluate(() => {
      for (const host of document.querySelectorAll('ucontact-call')) {
        host.shadowRoot
          ?.querySelector('button')
          ?.setAttribute('data-ucontact-call', '+19005550000');
      }
    });
    await crm.getByRole('button', { name: 'Call (415) 555-0199' }).first().click();
    const invite = await callee.waitForInvite(5_000);
    expect(invite.to).toContain('sip:+14155550199@');
    await callee.decline(486);
    expect(env.kamailio.sipRequests().some((r) => r.ruser === '+19005550000')).toBe(false);
    await popup.waitForCallState('failed');
  });

  it('an overlay over our button takes the click: no call (isTrusted is still required)', async () => {
    const before = invites();
    const target = crm.getByRole('button', { name: 'Call 555-0142' }).first();
    const box = (await target.boundingBox())!;
    await crm.evaluate((rect) => {
      const overlay = document.createElement('div');
      overlay.id = 'overlay';
      Object.assign(overlay.style, {
        position: 'fixed',
        left: `${rect.x - 20}px`,
        top: `${rect.y - 20}px`,
        width: `${rect.width + 40}px`,
        height: `${rect.height + 40}px`,
        opacity: '0.01',
        zIndex: '2147483647',
      });
      document.body.append(overlay);
    }, box);
    await crm.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expectNoCall(before);
    await crm.evaluate(() => document.getElementById('overlay')?.remove());
  });

  it('a page that floods 100k mutations a second stays responsive, and the detector keeps up after', async () => {
    const lag = await crm.evaluate(async () => {
      const sink = document.createElement('div');
      document.body.append(sink);
      const text = document.createTextNode('');
      sink.append(text);
      let worst = 0;
      let last = performance.now();
      const probe = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last - 10);
        last = now;
      }, 10);
      const end = performance.now() + 2_000;
      let n = 0;
      await new Promise<void>((done) => {
        const burst = () => {
          // ~1,000 mutations per 10 ms: 100k a second.
          for (let i = 0; i < 1_000; i++) text.data = `Order ${n++}`;
          if (performance.now() < end) setTimeout(burst, 10);
          else done();
        };
        burst();
      });
      clearInterval(probe);
      sink.remove();
      return worst;
    });
    // The page's own timers never starve: the extension does not hog its main thread.
    expect(lag).toBeLessThan(250);
    await crm.evaluate(() => {
      const row = document.createElement('p');
      row.textContent = 'New lead: +1 (212) 555-0147';
      document.body.append(row);
    });
    await waitUntil(
      async () => (await crm.getByRole('button', { name: 'Call +1 (212) 555-0147' }).count()) === 1,
      5_000,
      'a button for the number added after the storm',
    );
  });

  it('runtime.sendMessage from the web page is impossible (no externally_connectable)', async () => {
    const api = await crm.evaluate(() => {
      const chromeApi = (
        globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }
      ).chrome;
      return typeof chromeApi?.runtime?.sendMessage;
    });
    expect(api).toBe('undefined');
  });

  it('the content script cannot read session storage, nor ask for the session', async () => {
    const storage = (await inContentScript(crm, 'chrome.storage.session.get(null)')) as {
      error?: string;
    };
    expect(storage.error).toMatch(/not allowed|Access to storage/i);
    const session = await inContentScript(
      crm,
      `chrome.runtime.sendMessage({ channel: 'ucontact', kind: 'request', type: 'session.get', payload: null })`,
    );
    expect(JSON.stringify(session ?? null)).not.toMatch(/token|sipAuth|md5|credentials/);
    const status = await inContentScript(
      crm,
      `chrome.runtime.sendMessage({ channel: 'ucontact', kind: 'request', type: 'page.status', payload: null })`,
    );
    expect(status).toEqual({ loggedIn: true, sipState: 'registered', inCall: false });
  });
});
