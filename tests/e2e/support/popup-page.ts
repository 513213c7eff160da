import type { Locator, Page } from 'playwright-core';

/** The slice of the extension API these page scripts use (they run in the popup, not in Node). */
declare const chrome: {
  storage: Record<
    'local' | 'session',
    {
      get(keys: null | string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    }
  >;
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

/** The toolbar popup as an agent sees it: by role and label, as CONTRACT.md names them. */
export class PopupPage {
  constructor(readonly page: Page) {}

  get instance(): Locator {
    return this.page.getByRole('textbox', { name: 'Instance' });
  }
  get agent(): Locator {
    return this.page.getByRole('textbox', { name: 'Agent' });
  }
  /** Password fields have no ARIA role; their label names them. */
  get password(): Locator {
    return this.page.getByLabel('Password');
  }
  get sipServer(): Locator {
    return this.page.getByRole('textbox', { name: 'SIP server' });
  }
  get loginButton(): Locator {
    return this.page.getByRole('button', { name: 'Log in' });
  }
  get logoutButton(): Locator {
    return this.page.getByRole('button', { name: 'Log out' });
  }
  get alert(): Locator {
    return this.page.getByRole('alert');
  }
  get sipStatus(): Locator {
    return this.page.getByTestId('sip-status');
  }
  get callStatus(): Locator {
    return this.page.getByTestId('call-status');
  }
  get number(): Locator {
    return this.page.getByRole('textbox', { name: 'Number' });
  }
  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  async login(values: {
    instance: string;
    agent: string;
    password: string;
    sipServer?: string;
  }): Promise<void> {
    await this.instance.fill(values.instance);
    await this.agent.fill(values.agent);
    await this.password.fill(values.password);
    if (values.sipServer !== undefined) {
      await this.page.getByText('Advanced').click();
      await this.sipServer.fill(values.sipServer);
    }
    await this.loginButton.click();
  }

  /** Waits until the phone reports `state` (data-state of the sip-status element). */
  async waitForSipState(state: string, timeout = 10_000): Promise<void> {
    await this.page
      .locator(`[data-testid="sip-status"][data-state="${state}"]`)
      .waitFor({ timeout });
  }

  async waitForCallState(state: string, timeout = 10_000): Promise<void> {
    await this.page
      .locator(`[data-testid="call-status"][data-state="${state}"]`)
      .waitFor({ timeout });
  }

  async dial(number: string): Promise<void> {
    await this.number.fill(number);
    await this.button('Call').click();
  }

  /** Extension storage, read from the popup (a trusted context, so `session` is readable). */
  storage(area: 'local' | 'session'): Promise<Record<string, unknown>> {
    return this.page.evaluate((name) => chrome.storage[name].get(null), area);
  }

  /**
   * Changes the agent's stored settings as the options page would (content scripts and the
   * background read them when they next start or look).
   */
  setSettings(patch: Record<string, unknown>): Promise<void> {
    return this.page.evaluate(async (values) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), ...values } });
    }, patch);
  }

  /** Sends a typed background request the way the popup does, for stats and other probes. */
  request<T>(type: string, payload: unknown = null): Promise<T> {
    return this.page.evaluate(
      ([t, p]) =>
        chrome.runtime.sendMessage({ channel: 'ucontact', kind: 'request', type: t, payload: p }),
      [type, payload] as const,
    ) as Promise<T>;
  }
}
