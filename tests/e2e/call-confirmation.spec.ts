import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowserWithExtension } from '../rig/browser';
import { startCallee, type Callee } from '../rig/callee';
import { screenshot } from '../rig/screenshot';
import { messagesOf } from './support/messages';
import { fitToPopup, pageColours, type ColourProblem } from './support/appearance';
import {
  CALLEE,
  INSTANCE,
  MARIA,
  registerCallee,
  startEnvironment,
  useLoopbackIce,
  type Environment,
} from './support/environment';
import type { PopupPage } from './support/popup-page';
import { sleep } from './support/wait';

const PREMIUM = '+19005550111';
const ORDINARY = '+14155550123';

/**
 * A costly number waits for the agent's yes in the popup: the dial pad's premium-rate call shows a
 * confirmation (number large, the reason in words) and sends no INVITE until "Call this number";
 * "Don't call" and Escape send none; an ordinary number dials at once. Kamailio's test dial plan
 * routes every number to the callee.
 */
describe('the popup confirms a costly call before it is placed', () => {
  let env: Environment;
  let callee: Callee;
  let popup: PopupPage;

  /** New calls (not in-dialog requests, not the retry with credentials) to `dial` at Kamailio. */
  const invitesTo = (dial: string) =>
    env.kamailio
      .sipRequests()
      .filter((r) => r.method === 'INVITE' && !r.inDialog && !r.withCredentials && r.ruser === dial)
      .length;
  const dialog = () => popup.page.getByRole('alertdialog', { name: 'Call this number?' });

  beforeAll(async () => {
    env = await startEnvironment({ dialPlan: { '*': CALLEE.user } });
    callee = await startCallee(env.browser.context);
    expect((await registerCallee(env, callee)).registered).toBe(true);
    popup = await env.openPopup();
    await useLoopbackIce(popup);
    await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
    await popup.waitForSipState('registered');
  });
  afterAll(async () => {
    await callee?.close().catch(() => undefined);
    await env?.close();
  });

  it('a premium-rate number from the dial pad: the confirmation, with focus in it, and no INVITE', async () => {
    await popup.dial('+1 900 555 0111');
    await dialog().waitFor();
    const confirmation = popup.page.getByTestId('call-confirmation');
    expect(await confirmation.getAttribute('role')).toBe('alertdialog');
    expect(await popup.page.getByTestId('confirmation-number').textContent()).toBe(
      '+1 900 555 0111',
    );
    expect(await confirmation.textContent()).toContain(
      'Premium-rate number: the call may be charged at a high rate.',
    );
    expect(await isFocused(popup.button("Don't call"))).toBe(true);
    // Nothing else can be reached meanwhile: the dial pad waits behind the question, and the
    // rest of the popup (history, Log out) is inert.
    expect(await popup.number.count()).toBe(0);
    expect(
      await popup.page
        .locator('button', { hasText: 'Log out' })
        .evaluate((button) => button.closest('[inert]') !== null),
    ).toBe(true);
    await sleep(1_000);
    expect(invitesTo(PREMIUM)).toBe(0);
    await fitToPopup(popup.page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.page.emulateMedia({ colorScheme });
      await screenshot(popup.page, `popup-call-confirmation-en-${colorScheme}`);
      const { problems } = await popup.page.evaluate(pageColours);
      expect(problems, `${colorScheme}: text below 4.5:1`).toEqual<ColourProblem[]>([]);
    }
    await popup.page.emulateMedia({ colorScheme: null });
  });

  it('"Don\'t call" sends nothing and brings the dial pad back', async () => {
    await popup.button("Don't call").click();
    await dialog().waitFor({ state: 'detached' });
    await popup.number.waitFor();
    await sleep(1_000);
    expect(invitesTo(PREMIUM)).toBe(0);
  });

  it('Escape is "Don\'t call"', async () => {
    await popup.dial('+1 900 555 0111');
    await dialog().waitFor();
    await popup.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await sleep(500);
    expect(invitesTo(PREMIUM)).toBe(0);
  });

  it('"Call this number", from the keyboard alone: exactly one INVITE', async () => {
    await popup.dial('(900) 555-0111'); // national, for the en-US browser's country
    await dialog().waitFor();
    // Tab goes from "Don't call" to "Call this number"; Tab again comes back (the focus stays in).
    await popup.page.keyboard.press('Tab');
    expect(await isFocused(popup.button('Call this number'))).toBe(true);
    await popup.page.keyboard.press('Tab');
    expect(await isFocused(popup.button("Don't call"))).toBe(true);
    await popup.page.keyboard.press('Shift+Tab');
    await popup.page.keyboard.press('Enter');
    await callee.waitForInvite(5_000);
    await popup.waitForCallState('ringing', 5_000).catch(() => undefined);
    expect(invitesTo(PREMIUM)).toBe(1);
    await callee.decline();
    await popup.number.waitFor();
    await sleep(500);
    expect(invitesTo(PREMIUM)).toBe(1);
  });

  it('a redial from the history asks again; "Don\'t call" sends nothing', async () => {
    await popup.page.getByText('Recent calls', { exact: true }).click();
    await popup.button(`Call ${PREMIUM} again`).first().click();
    await dialog().waitFor();
    expect(await popup.page.getByTestId('confirmation-number').textContent()).toBe(
      '+1 900 555 0111',
    );
    await popup.button("Don't call").click();
    await dialog().waitFor({ state: 'detached' });
    await sleep(500);
    expect(invitesTo(PREMIUM)).toBe(1);
  });

  it('an ordinary number dials at once, with no confirmation', async () => {
    await popup.dial('+1 415 555 0123');
    await callee.waitForInvite(5_000);
    expect(await dialog().count()).toBe(0);
    expect(invitesTo(ORDINARY)).toBe(1);
    await callee.decline();
    await popup.number.waitFor();
  });

  it.each([
    ['es', 'es'],
    ['pt', 'pt'],
  ])('reads in %s, light and dark', async (language, uiLanguage) => {
    const m = messagesOf(language);
    const text = (key: string) => m[key]!.message;
    await callee.close().catch(() => undefined);
    await env.browser.close();
    env.browser = await launchBrowserWithExtension({ uiLanguage });
    popup = await env.openPopup();
    await useLoopbackIce(popup);
    const page = popup.page;
    await page.getByRole('textbox', { name: text('instanceLabel'), exact: true }).fill(INSTANCE);
    await page.getByRole('textbox', { name: text('agentLabel'), exact: true }).fill(MARIA.agent);
    await page.getByLabel(text('passwordLabel'), { exact: true }).fill(MARIA.password);
    await page.getByRole('button', { name: text('loginButton'), exact: true }).click();
    await popup.waitForSipState('registered');
    await page.getByRole('textbox', { name: text('numberLabel'), exact: true }).fill(PREMIUM);
    await page.getByRole('button', { name: text('callButton'), exact: true }).click();
    const localized = page.getByRole('alertdialog', { name: text('confirmCallTitle') });
    await localized.waitFor();
    expect(await localized.textContent()).toContain(text('confirmReasonPremiumRate'));
    expect(await isFocused(page.getByRole('button', { name: text('confirmCancelButton') }))).toBe(
      true,
    );
    await fitToPopup(page);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `popup-call-confirmation-${language}-${colorScheme}`);
      const { problems } = await page.evaluate(pageColours);
      expect(problems, `${language} ${colorScheme}: text below 4.5:1`).toEqual<ColourProblem[]>([]);
    }
    await page.getByRole('button', { name: text('confirmCancelButton') }).click();
    await localized.waitFor({ state: 'detached' });
    expect(invitesTo(PREMIUM)).toBe(1);
  });
});

function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === element.ownerDocument.activeElement);
}
