import type { ElementHandle, Locator, Page } from 'puppeteer-core';

/** The slice of the extension API these page scripts use (they run in the popup, not in Node). */
declare const browser: {
  storage: Record<
    'local' | 'session',
    {
      get(keys: string | null): Promise<Record<string, unknown>>;
      set(values: object): Promise<void>;
    }
  >;
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  browserAction: { getBadgeText(details: object): Promise<string> };
};

/**
 * The popup in Firefox (puppeteer-core over WebDriver BiDi), by role and accessible name as
 * CONTRACT.md names the controls: the same steps as `PopupPage` (playwright, Chromium).
 */
export class FirefoxPopupPage {
  constructor(readonly page: Page) {
    page.setDefaultTimeout(10_000);
  }

  /** A control by ARIA role and exact accessible name (label text). */
  byRole(role: string, name: string): Locator<Element> {
    return this.page.locator(`::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`);
  }
  button(name: string): Locator<Element> {
    return this.byRole('button', name);
  }
  /**
   * Password fields have no ARIA role; their label names them. The label has that name too (and
   * comes first), so the field is picked among the matches.
   */
  async password(): Promise<ElementHandle<Element>> {
    await this.page.waitForSelector('::-p-aria([name="Password"])');
    for (const handle of await this.page.$$('::-p-aria([name="Password"])')) {
      if (await handle.evaluate((element) => element instanceof HTMLInputElement)) return handle;
    }
    throw new Error('No password field named "Password"');
  }

  async login(values: { instance: string; agent: string; password: string }): Promise<void> {
    await this.byRole('textbox', 'Instance').fill(values.instance);
    await this.byRole('textbox', 'Agent').fill(values.agent);
    await (await this.password()).type(values.password);
    await this.button('Log in').click();
  }

  async waitForSipState(state: string, timeout = 10_000): Promise<void> {
    await this.page.waitForSelector(`[data-testid="sip-status"][data-state="${state}"]`, {
      timeout,
    });
  }

  async waitForCallState(state: string, timeout = 10_000): Promise<void> {
    await this.page.waitForSelector(`[data-testid="call-status"][data-state="${state}"]`, {
      timeout,
    });
  }

  async dial(number: string): Promise<void> {
    await this.byRole('textbox', 'Number').fill(number);
    await this.button('Call').click();
  }

  /** Extension storage, read from the popup (a trusted context, so `session` is readable). */
  storage(area: 'local' | 'session'): Promise<Record<string, unknown>> {
    return this.page.evaluate((name) => browser.storage[name].get(null), area);
  }

  /** No STUN/TURN in tests: host candidates on loopback only. Set before logging in. */
  async useLoopbackIce(): Promise<void> {
    await this.page.evaluate(async () => {
      const { settings } = await browser.storage.local.get('settings');
      await browser.storage.local.set({ settings: { ...(settings as object), iceServers: [] } });
    });
  }

  /** The toolbar button's badge (MV2: `browserAction`, which Firefox has instead of `action`). */
  badgeText(): Promise<string> {
    return this.page.evaluate(() => browser.browserAction.getBadgeText({}));
  }

  /** Sends a typed background request the way the popup does, for stats and other probes. */
  request<T>(type: string, payload: unknown = null): Promise<T> {
    return this.page.evaluate(
      (t, p) =>
        browser.runtime.sendMessage({ channel: 'ucontact', kind: 'request', type: t, payload: p }),
      type,
      payload,
    ) as Promise<T>;
  }
}
