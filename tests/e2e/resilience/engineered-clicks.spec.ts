import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Callee } from '../../rig/callee';
import type { FixtureServer } from '../../rig/fixture-server';
import { screenshot } from '../../rig/screenshot';
import { startCrmSession, type CrmSession } from '../support/crm-session';
import type { Environment } from '../support/environment';
import type { PopupPage } from '../support/popup-page';
import { CLICK_SETTLE_MS, sleep, waitUntil } from '../support/wait';

const CRM_HOST = 'acme.zendesk.com';

/**
 * Engineered clicks: a CRM page that tries to get a call placed that the agent never saw — a
 * misleading `tel:` link, a transparent `tel:` overlay, our control restyled or moved under the
 * page's own button, our control focused by the page. Real Chromium, real input (trusted events),
 * every INVITE counted at Kamailio. "A call only to a number the agent has seen."
 */
describe('resilience: engineered clicks', () => {
  let session: CrmSession;
  let env: Environment;
  let fixtures: FixtureServer;
  let callee: Callee;
  let popup: PopupPage;

  /** Calls placed to `number` (the first INVITE of each; a challenged retry logs again). */
  const callsTo = (number: string) =>
    env.kamailio
      .sipRequests()
      .filter((r) => r.method === 'INVITE' && !r.inDialog && !r.withCredentials)
      .filter((r) => r.ruser === number).length;
  const allCalls = () =>
    env.kamailio.sipRequests().filter((r) => r.method === 'INVITE' && !r.inDialog).length;
  const confirmation = (page: Page): Locator => page.getByTestId('call-confirmation');
  const ourButton = (page: Page, name: string): Locator =>
    page.locator('ucontact-call').getByRole('button', { name });

  /** A CRM page whose body is `html`, with its call buttons placed and settled. */
  const openPage = async (html: string, buttons: number): Promise<Page> => {
    const page = await env.browser.context.newPage();
    await page.goto(fixtures.url(CRM_HOST, '/agent/tickets/1'));
    await page.evaluate((body) => {
      document.body.innerHTML = body;
    }, html);
    await waitUntil(
      async () => (await page.locator('ucontact-call').count()) === buttons,
      10_000,
      'call buttons',
    );
    await sleep(CLICK_SETTLE_MS);
    return page;
  };
  /** Counts the clicks that reach our button (a page listener can see them: the root is open). */
  const countClicksOnOurButton = (page: Page) =>
    page.evaluate(() => {
      const button = document.querySelector('ucontact-call')!.shadowRoot!.querySelector('button')!;
      const counted = window as unknown as { ourClicks: number };
      counted.ourClicks = 0;
      button.addEventListener('click', (event) => {
        if (event.isTrusted) counted.ourClicks++;
      });
    });
  const clicksOnOurButton = (page: Page) =>
    page.evaluate(() => (window as unknown as { ourClicks: number }).ourClicks);
  const centre = async (locator: Locator) => {
    const box = (await locator.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const clickAt = async (page: Page, locator: Locator) => {
    const { x, y } = await centre(locator);
    await page.mouse.click(x, y);
  };
  /** The far end refuses the call, so the next case starts with no call up. */
  const declineCall = async (number: string) => {
    const invite = await callee.waitForInvite(5_000);
    expect(invite.to).toContain(`sip:${number}@`);
    await callee.decline(486);
    await popup.waitForCallState('failed');
  };
  /** Exactly one call to `number`, placed at once (no question asked). */
  const expectOneCall = async (page: Page, number: string) => {
    await declineCall(number);
    expect(callsTo(number)).toBe(1);
    expect(await confirmation(page).count()).toBe(0);
    await page.close();
  };
  const expectNoCall = async (before: number) => {
    await sleep(1_000);
    expect(allCalls()).toBe(before);
  };

  beforeAll(async () => {
    session = await startCrmSession(CRM_HOST, 'zendesk');
    ({ env, fixtures, callee, popup } = session);
  });
  afterAll(() => session?.close());

  it('(a) a "View your invoice" tel: link asks first; "Call this number" then places exactly one call', async () => {
    const page = await openPage(
      '<p>Your bill: <a id="invoice" href="tel:+19005550111">View your invoice</a></p>',
      1,
    );
    const before = allCalls();
    await clickAt(page, page.locator('#invoice'));
    const asked = confirmation(page);
    await asked.waitFor({ timeout: 5_000 });
    expect(await asked.getAttribute('role')).toBe('alertdialog');
    await page.getByRole('alertdialog', { name: 'Call this number?' }).waitFor();
    expect(await asked.textContent()).toContain('+1 900 555 0111');
    expect(await asked.textContent()).toContain('The link you clicked does not show this number.');
    await expectNoCall(before);
    await page.setViewportSize({ width: 1000, height: 500 });
    await screenshot(page, 'crm-call-confirmation-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'crm-call-confirmation-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await sleep(CLICK_SETTLE_MS);

    // Once it has stood still past the guard's 500 ms (it has: the wait above).
    await clickAt(page, page.getByRole('button', { name: 'Call this number' }));
    await declineCall('+19005550111');
    expect(callsTo('+19005550111')).toBe(1);
    expect(await confirmation(page).count()).toBe(0);
    await page.close();
  });

  it('(b) a transparent full-page tel: overlay over "Add note": the agent is asked; "Don\'t call" calls nobody', async () => {
    const page = await openPage(
      `<button id="add-note" style="position: absolute; left: 200px; top: 200px; width: 120px; height: 40px">Add note</button>
       <a id="overlay" href="tel:+19005550122" style="position: fixed; inset: 0; z-index: 10"></a>`,
      1,
    );
    const before = allCalls();
    await clickAt(page, page.locator('#add-note'));
    const asked = confirmation(page);
    await asked.waitFor({ timeout: 5_000 });
    expect(await asked.textContent()).toContain('+1 900 555 0122');
    await expectNoCall(before);
    await clickAt(page, page.getByRole('button', { name: "Don't call" }));
    await waitUntil(async () => (await asked.count()) === 0, 5_000, 'the question gone');
    await expectNoCall(before);
    await page.close();
  });

  it('(b) a double click on a page link placed where our "Call this number" appears does not click it', async () => {
    const page = await openPage(
      '<p><a id="details" href="tel:+19005550133" style="position: fixed; z-index: 10">Details</a></p>',
      1,
    );
    // Where our question's "Call this number" shows: ask once, measure, say no.
    await clickAt(page, page.locator('#details'));
    const call = page.getByRole('button', { name: 'Call this number' });
    const target = await centre(call);
    await clickAt(page, page.getByRole('button', { name: "Don't call" }));
    await waitUntil(async () => (await confirmation(page).count()) === 0, 5_000, 'no question');
    // The page moves its link there: the agent's double click's second half lands on our button.
    await page.evaluate(({ x, y }) => {
      const link = document.getElementById('details')!;
      Object.assign(link.style, { left: `${x - 20}px`, top: `${y - 10}px`, padding: '10px 20px' });
    }, target);
    await page.evaluate(() => {
      const counted = window as unknown as { onOurCall: number };
      counted.onOurCall = 0;
      addEventListener(
        'click',
        (event) => {
          const [target] = event.composedPath() as Element[];
          if (event.isTrusted && target?.textContent === 'Call this number') counted.onOurCall++;
        },
        true,
      );
    });
    await sleep(CLICK_SETTLE_MS);
    const before = allCalls();
    // A person's double click: the question comes up between its two clicks.
    await page.mouse.click(target.x, target.y);
    await confirmation(page).waitFor({ timeout: 2_000 });
    await page.mouse.click(target.x, target.y, { clickCount: 2 });
    await expectNoCall(before);
    expect(await confirmation(page).count()).toBe(1);
    // The second click did land on our "Call this number", just after it appeared: not counted.
    expect(await page.evaluate(() => (window as unknown as { onOurCall: number }).onOurCall)).toBe(
      1,
    );
    await page.close();
  });

  describe('(c) our control restyled by the page under its own "Submit"', () => {
    const PAGE = `<button id="submit" style="position: absolute; left: 300px; top: 300px; width: 120px; height: 40px; z-index: 5">Submit</button>
      <p>Customer: +1 415 555 0188</p>`;
    /** Puts our host over (or under) the page's Submit, with the page's own styles. */
    const moveOurHost = (page: Page, styles: Record<string, string>) =>
      page.evaluate((declarations) => {
        const host = document.querySelector('ucontact-call') as HTMLElement;
        const base = { position: 'absolute', left: '352px', top: '312px' };
        for (const [name, value] of Object.entries({ ...base, ...declarations })) {
          host.style.setProperty(name, value, 'important');
        }
      }, styles);
    const clickSubmit = async (page: Page) => {
      await countClicksOnOurButton(page);
      const before = allCalls();
      await clickAt(page, page.locator('#submit'));
      await expectNoCall(before);
      expect(await confirmation(page).count()).toBe(0);
      // The agent's click did reach our button: the page arranged that; the guard refused it.
      expect(await clicksOnOurButton(page)).toBe(1);
    };

    it('nearly transparent (opacity 0.01) on top of Submit: no call, no question', async () => {
      const page = await openPage(PAGE, 1);
      await moveOurHost(page, { opacity: '0.01', 'z-index': '10' });
      await sleep(CLICK_SETTLE_MS);
      // The click does land on our button: the page arranged that.
      const { x, y } = await centre(page.locator('#submit'));
      expect(
        await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.localName, [
          x,
          y,
        ] as const),
      ).toBe('ucontact-call');
      await clickSubmit(page);
      await page.close();
    });

    it('under Submit, which lets clicks through (pointer-events: none): no call, no question', async () => {
      const page = await openPage(PAGE, 1);
      await moveOurHost(page, { 'z-index': '1' });
      await page.evaluate(() => {
        const submit = document.getElementById('submit')!;
        submit.style.pointerEvents = 'none';
      });
      await sleep(CLICK_SETTLE_MS);
      await clickSubmit(page);
      await page.close();
    });

    it('slid under the pointer as it arrives on Submit: no call, no question', async () => {
      const page = await openPage(PAGE, 1);
      await page.evaluate(() => {
        const host = document.querySelector('ucontact-call') as HTMLElement;
        addEventListener(
          'pointermove',
          (event) => {
            for (const [name, value] of Object.entries({
              position: 'fixed',
              left: `${event.clientX - 8}px`,
              top: `${event.clientY - 8}px`,
              'z-index': '10',
            })) {
              host.style.setProperty(name, value, 'important');
            }
          },
          true,
        );
      });
      await clickSubmit(page);
      await page.close();
    });
  });

  it('(d) the page focuses our button and the agent presses Enter: no call', async () => {
    const page = await openPage('<p>Call back: +1 415 555 0177</p>', 1);
    const before = allCalls();
    const focused = await page.evaluate(() => {
      const button = document.querySelector('ucontact-call')?.shadowRoot?.querySelector('button');
      button?.focus();
      return button?.matches(':focus') ?? false;
    });
    expect(focused).toBe(true);
    await countClicksOnOurButton(page);
    await page.keyboard.press('Enter');
    await page.keyboard.press(' ');
    await expectNoCall(before);
    // Both keys did activate our button (a click with detail 0); the guard refused them.
    expect(await clicksOnOurButton(page)).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  describe('(e) the agent’s own clicks still dial at once', () => {
    it('a plain mouse click on a visible, settled control', async () => {
      const page = await openPage('<p>Ana: +1 415 555 0166</p>', 1);
      await clickAt(page, ourButton(page, 'Call +1 415 555 0166'));
      await expectOneCall(page, '+14155550166');
    });

    it('Tab to the control, then Enter', async () => {
      const page = await openPage('<p>Bruno: +1 415 555 0155</p>', 1);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.localName === 'ucontact-call')).toBe(
        true,
      );
      await page.keyboard.press('Enter');
      await expectOneCall(page, '+14155550155');
    });

    it('a tel: link that shows its own number, clicked', async () => {
      const page = await openPage(
        '<p><a id="phone" href="tel:+14155550144">(415) 555-0144</a></p>',
        1,
      );
      await clickAt(page, page.locator('#phone'));
      await expectOneCall(page, '+14155550144');
    });
  });
});
