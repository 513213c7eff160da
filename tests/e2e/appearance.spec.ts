import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowserWithExtension } from '../rig/browser';
import { screenshot } from '../rig/screenshot';
import {
  INSTANCE,
  MARIA,
  startEnvironment,
  useLoopbackIce,
  type Environment,
} from './support/environment';
import { messagesOf, type Messages } from './support/messages';
import { fitToPopup, pageColours, popupSize, type ColourProblem } from './support/appearance';

/**
 * "Ready for the stores": the popup and the options page in en and es, light and dark, pictured
 * (tests/e2e/artifacts/) and checked: the right language, readable colours, keyboard use, no jumps.
 */
const LANGUAGES = { en: 'en-US', es: 'es' } as const;
type Language = keyof typeof LANGUAGES;
const SCHEMES = ['light', 'dark'] as const;

/** The popup by role and the names of `language`'s messages (PopupPage knows only the en names). */
function localized(page: Page, m: Messages) {
  const text = (key: string): string => m[key]!.message;
  return {
    text,
    instance: page.getByRole('textbox', { name: text('instanceLabel'), exact: true }),
    agent: page.getByRole('textbox', { name: text('agentLabel'), exact: true }),
    password: page.getByLabel(text('passwordLabel'), { exact: true }),
    advanced: page.getByText(text('advancedLabel'), { exact: true }),
    loginButton: page.getByRole('button', { name: text('loginButton'), exact: true }),
    logoutButton: page.getByRole('button', { name: text('logoutButton'), exact: true }),
    number: page.getByRole('textbox', { name: text('numberLabel'), exact: true }),
    callButton: page.getByRole('button', { name: text('callButton'), exact: true }),
  };
}

/** Both colour schemes in turn: a picture and the colour checks of each. */
async function lookInBothSchemes(page: Page, name: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, `${name}-${colorScheme}`);
    const { backgroundLuminance, problems } = await page.evaluate(pageColours);
    if (colorScheme === 'dark') expect(backgroundLuminance, `${name} dark bg`).toBeLessThan(0.05);
    else expect(backgroundLuminance, `${name} light bg`).toBeGreaterThan(0.8);
    expect(problems, `${name}-${colorScheme}: text below 4.5:1`).toEqual<ColourProblem[]>([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

describe('appearance of the popup and the options page', () => {
  let env: Environment;

  beforeAll(async () => {
    env = await startEnvironment();
  });
  afterAll(async () => {
    await env?.close();
  });

  async function loggedOutPopup(m: Messages) {
    const popup = await env.openPopup();
    await useLoopbackIce(popup);
    const ui = localized(popup.page, m);
    await ui.loginButton.waitFor();
    return { popup, ui };
  }

  describe.each(Object.keys(LANGUAGES) as Language[])('in %s', (language) => {
    const m = messagesOf(language);

    beforeAll(async () => {
      if (language === 'en') return; // startEnvironment's browser is en-US.
      await env.browser.close();
      env.browser = await launchBrowserWithExtension({ uiLanguage: LANGUAGES[language] });
    });

    it('shows the popup (logged out, logged in) and the options page in this language, readable in light and dark', async () => {
      const { popup, ui } = await loggedOutPopup(m);
      const page = popup.page;
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(LANGUAGES[language]);
      await fitToPopup(page);
      await lookInBothSchemes(page, `popup-logged-out-${language}`);

      await ui.instance.fill(INSTANCE);
      await ui.agent.fill(MARIA.agent);
      await ui.password.fill(MARIA.password);
      await ui.loginButton.click();
      await popup.waitForSipState('registered');
      await expect.poll(() => popup.sipStatus.textContent()).toBe(ui.text('sipStateRegistered'));
      await fitToPopup(page);
      await lookInBothSchemes(page, `popup-logged-in-${language}`);
      await ui.logoutButton.click();
      await ui.loginButton.waitFor();
      await page.close();

      const options = await env.browser.openExtensionPage('options.html');
      await options.setViewportSize({ width: 800, height: 900 });
      await options.getByRole('heading', { name: ui.text('optionsTitle'), level: 1 }).waitFor();
      expect(await options.evaluate(() => document.documentElement.lang)).toBe(LANGUAGES[language]);
      await lookInBothSchemes(options, `options-${language}`);
      await options.close();
    });

    it('keeps its width in every state, and its height while logging in', async () => {
      const { popup, ui } = await loggedOutPopup(m);
      const page = popup.page;
      let answer: (() => void) | undefined;
      // The AgentLogin reply waits for the test: the busy state stays while it is measured.
      env.ucontact.behave((c) => {
        answer = () => c.send(200, '0'); // uContact's "wrong agent or password"
      });

      try {
        const sizes: Record<string, { width: number; height: number }> = {};
        await ui.instance.fill(INSTANCE);
        await ui.agent.fill(MARIA.agent);
        await ui.password.fill('not-the-password');
        sizes.loggedOut = await popupSize(page);

        await ui.loginButton.click();
        await page.getByRole('button', { name: ui.text('loggingIn'), exact: true }).waitFor();
        sizes.busy = await popupSize(page);
        await fitToPopup(page);
        await screenshot(page, `popup-logging-in-${language}`);

        await expect.poll(() => answer !== undefined).toBe(true);
        answer!();
        await expect.poll(() => popup.alert.textContent()).toBe(ui.text('errorBadCredentials'));
        sizes.error = await popupSize(page);
        await fitToPopup(page);
        await lookInBothSchemes(page, `popup-wrong-password-${language}`);

        // An error that repeats what was typed, with no place to break a line.
        const typed = `https://pbx.example.com:8443/${'x'.repeat(80)}`;
        await ui.instance.fill(`${typed}/?`);
        await ui.loginButton.click();
        await expect.poll(() => popup.alert.textContent()).toContain(typed);
        sizes.longError = await popupSize(page);

        env.ucontact.behave('normal');
        await ui.instance.fill(INSTANCE);
        await ui.password.fill(MARIA.password);
        await ui.loginButton.click();
        await popup.waitForSipState('registered');
        sizes.loggedIn = await popupSize(page);

        const widths = Object.values(sizes).map((size) => size.width);
        expect(new Set(widths), JSON.stringify(sizes)).toEqual(new Set([widths[0]]));
        expect(sizes.busy.height, JSON.stringify(sizes)).toBe(sizes.loggedOut.height);
      } finally {
        env.ucontact.behave('normal');
      }
      await ui.logoutButton.click();
      await ui.loginButton.waitFor();
      await page.close();
    });

    it('works from the keyboard with a visible focus: the login form in order, Enter logs in, the dial pad', async () => {
      const { popup, ui } = await loggedOutPopup(m);
      const page = popup.page;
      // It opens ready to type: the first empty field has the focus (earlier tests left the
      // instance and agent filled in).
      const fields = [ui.instance, ui.agent, ui.password];
      const empty = await Promise.all(fields.map(async (f) => (await f.inputValue()) === ''));
      expect(await isFocused(fields[empty.indexOf(true)]!)).toBe(true);
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        await fromTheTop(page);
        await expectTabOrder(page, [
          ui.instance,
          ui.agent,
          ui.password,
          ui.advanced,
          ui.loginButton,
        ]);
      }

      // Typed, not filled: the same path a keyboard user takes, ending with Enter on Log in.
      await fromTheTop(page);
      await page.keyboard.press('Tab');
      await page.keyboard.type(INSTANCE);
      await page.keyboard.press('Tab');
      await page.keyboard.type(MARIA.agent);
      await page.keyboard.press('Tab');
      await page.keyboard.type(MARIA.password);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect.poll(() => isFocused(ui.loginButton)).toBe(true);
      await page.keyboard.press('Enter');
      await popup.waitForSipState('registered');

      // The dial pad: Tab reaches Number, typing enables Call, and Tab reaches Call.
      await fromTheTop(page);
      await tabUntil(page, ui.number);
      await page.keyboard.type('2000');
      await page.keyboard.press('Tab');
      await expect.poll(() => isFocused(ui.callButton)).toBe(true);
      expect(await ui.callButton.isEnabled()).toBe(true);
      await expectVisibleFocus(page, 'Call');
      await page.emulateMedia({ colorScheme: null });

      await ui.logoutButton.click();
      await ui.loginButton.waitFor();
      await page.close();
    });
  });
});

/**
 * The next Tab starts from the top of the page. (blur() would not do: Chromium then goes on from
 * the element that had the focus.) A click on the header, which holds nothing focusable, moves
 * the start point there.
 */
async function fromTheTop(page: Page): Promise<void> {
  await page.locator('header').click();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
}

function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Tab from the top of the page visits `expected` in this order, each with a visible focus. */
async function expectTabOrder(page: Page, expected: Locator[]): Promise<void> {
  for (const [index, locator] of expected.entries()) {
    await page.keyboard.press('Tab');
    const label = String(locator);
    expect(await isFocused(locator), `Tab ${index + 1} should focus ${label}`).toBe(true);
    await expectVisibleFocus(page, label);
  }
}

async function tabUntil(page: Page, target: Locator, most = 20): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) return expectVisibleFocus(page, String(target));
  }
  throw new Error(`${String(target)} not reached in ${most} presses of Tab`);
}

async function expectVisibleFocus(page: Page, label: string): Promise<void> {
  const { focus } = await page.evaluate(pageColours);
  expect(focus.kind, `${label}: no focus indicator (${JSON.stringify(focus)})`).not.toBe('none');
  expect(
    focus.contrast,
    `${label}: focus indicator ${JSON.stringify(focus)}`,
  ).toBeGreaterThanOrEqual(3);
}
