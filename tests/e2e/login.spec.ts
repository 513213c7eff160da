import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { screenshot } from '../rig/screenshot';
import {
  INSTANCE,
  MARIA,
  startEnvironment,
  useLoopbackIce,
  type Environment,
} from './support/environment';
import type { PopupPage } from './support/popup-page';

/** The foundation's user path: an agent logs in from the popup, and the session is kept right. */
describe('login from the popup', () => {
  let env: Environment;
  let popup: PopupPage;

  beforeAll(async () => {
    env = await startEnvironment();
  });
  afterAll(async () => {
    await env?.close();
  });
  beforeEach(async () => {
    env.ucontact.behave('normal');
    popup = await env.openPopup();
    await useLoopbackIce(popup);
  });

  it('logs in with good credentials, shows the agent, and keeps the session when reopened', async () => {
    await popup.instance.waitFor();
    await screenshot(popup.page, 'popup-logged-out');

    await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
    await expect.poll(() => popup.page.getByTestId('agent-name').textContent()).toBe('María Gómez');
    expect(await popup.page.getByTestId('agent-extension').textContent()).toContain('1997');
    expect(await popup.sipStatus.getAttribute('data-state')).toMatch(/^(connecting|registered)$/);
    await popup.waitForSipState('registered');
    await screenshot(popup.page, 'popup-logged-in');

    const login = env.ucontact.requests.find((r) => r.path.endsWith('/AgentLogin'));
    expect(login?.form).toEqual({ agent: MARIA.agent, password: MARIA.password });

    // Secrets only in memory-only session storage; the password nowhere.
    const session = await popup.storage('session');
    const local = await popup.storage('local');
    expect(session.credentials).toMatchObject({ sipAuth: { kind: 'ha1' } });
    expect(JSON.stringify(local)).not.toContain(MARIA.password);
    expect(JSON.stringify(session)).not.toContain(MARIA.password);
    expect(JSON.stringify(local)).not.toContain((session.credentials as { token: string }).token);

    await popup.page.close();
    const reopened = await env.openPopup();
    await expect
      .poll(() => reopened.page.getByTestId('agent-name').textContent())
      .toBe('María Gómez');
    await reopened.logoutButton.waitFor();
    await reopened.page.close();
  });

  it('logs out: storage holds no session, AgentLogoff got the token, the form is prefilled', async () => {
    const before = await popup.storage('session');
    const token = (before.credentials as { token: string } | undefined)?.token;
    expect(token, 'the previous test left a session').toBeTruthy();

    await popup.logoutButton.click();
    await popup.loginButton.waitFor();
    const logoff = await env.ucontact.waitForRequest((r) => r.path.endsWith('/AgentLogoff'));
    expect(logoff.headers.authorization).toBe(`Basic ${token}`);
    expect(logoff.form).toMatchObject({ agent: MARIA.agent, interface: 'SIP/1997' });

    const session = await popup.storage('session');
    expect(session.credentials).toBeUndefined();
    expect(await popup.instance.inputValue()).toBe(INSTANCE);
    expect(await popup.agent.inputValue()).toBe(MARIA.agent);
    expect(await popup.password.inputValue()).toBe('');
  });

  it('a wrong password (body 0) shows an alert and stores nothing', async () => {
    await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: 'not-the-password' });
    await expect.poll(() => popup.alert.textContent()).toContain('Wrong agent or password');
    expect((await popup.storage('session')).credentials).toBeUndefined();
    // What was typed is still there to correct.
    expect(await popup.password.inputValue()).toBe('not-the-password');
    await screenshot(popup.page, 'popup-wrong-password');
  });

  it('an HTML 502 page from the instance shows an alert and stores nothing', async () => {
    env.ucontact.behave('html-502');
    await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
    await expect.poll(() => popup.alert.textContent()).toContain('HTTP 502');
    expect((await popup.storage('session')).credentials).toBeUndefined();
  });

  it('an `Error` body and an unknown instance name are refused with their own messages', async () => {
    env.ucontact.behave('error');
    await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
    await expect.poll(() => popup.alert.textContent()).toContain('Wrong agent or password');

    env.ucontact.behave('normal');
    await popup.login({ instance: 'not a url!', agent: MARIA.agent, password: MARIA.password });
    await expect.poll(() => popup.alert.textContent()).toContain('is not a uContact instance');
    expect((await popup.storage('session')).credentials).toBeUndefined();
  });

  it('a failed login leaves an earlier session untouched', async () => {
    await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
    await popup.logoutButton.waitFor();
    const before = await popup.storage('session');

    // A second popup (another window) tries again with a wrong password.
    const other = await env.openPopup();
    await other.logoutButton.waitFor();
    const reply = await other.request<{ ok: boolean }>('session.login', {
      instance: INSTANCE,
      agent: MARIA.agent,
      password: 'wrong',
      sipServer: '',
    });
    expect(reply.ok).toBe(false);
    expect((await popup.storage('session')).credentials).toEqual(before.credentials);
    await other.page.close();
    await popup.logoutButton.click();
    await popup.loginButton.waitFor();
  });
});
