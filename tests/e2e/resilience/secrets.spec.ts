import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSION_PATH } from '../../rig/browser';
import { issueToken } from '../../rig/ucontact-profile';
import { ha1 } from '../../rig/sip-credentials';
import {
  INSTANCE,
  MARIA,
  startEnvironment,
  useLoopbackIce,
  type Environment,
} from '../support/environment';
import type { PopupPage } from '../support/popup-page';

/** Secrets: the password is stored nowhere, the SIP credential and token only in memory-only session storage. */
describe('resilience: secrets', () => {
  let env: Environment;
  let popup: PopupPage;
  const logs: string[] = [];
  const md5secret = ha1(MARIA.name, MARIA.sipPassword);
  let token = '';

  beforeAll(async () => {
    env = await startEnvironment();
    popup = await env.openPopup();
    popup.page.on('console', (message) => logs.push(message.text()));
    const worker = await env.browser.serviceWorker();
    worker.on('console', (message) => logs.push(message.text()));
    await useLoopbackIce(popup);
    // Debug logging on: even then, nothing secret may be written to a console.
    await popup.setSettings({ debug: true });
    await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
    await popup.waitForSipState('registered');
    token = ((await popup.storage('session')).credentials as { token: string }).token;
  });
  afterAll(async () => {
    await env?.close();
  });

  it('the password is in no storage area after login', async () => {
    for (const area of ['local', 'session'] as const) {
      expect(JSON.stringify(await popup.storage(area))).not.toContain(MARIA.password);
    }
    const sync = await popup.page.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { sync: { get(k: null): Promise<object> } } };
        }
      ).chrome.storage.sync.get(null),
    );
    expect(JSON.stringify(sync)).not.toContain(MARIA.password);
  });

  it('md5secret and token live only in session storage', async () => {
    const session = JSON.stringify(await popup.storage('session'));
    expect(session).toContain(md5secret);
    expect(session).toContain(token);
    const local = JSON.stringify(await popup.storage('local'));
    expect(local).not.toContain(md5secret);
    expect(local).not.toContain(token);
    expect(token).not.toBe(issueToken(MARIA.agent));
  });

  it('nothing secret reaches a console, even with debug logging on', async () => {
    // A call attempt and a logout produce log lines of their own.
    await popup.request('call.dial', { dial: '2000', display: '2000' });
    await popup.logoutButton.click();
    await popup.loginButton.waitFor();
    const all = logs.join('\n');
    for (const secret of [MARIA.password, md5secret, token, MARIA.sipPassword])
      expect(all).not.toContain(secret);
  });

  it('the content script bundle has no way to the secrets: no session storage, no session request', () => {
    const dir = join(DEFAULT_EXTENSION_PATH, 'content-scripts');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
      const code = readFileSync(join(dir, file), 'utf8');
      expect(code).not.toContain('session:credentials');
      expect(code).not.toMatch(/storage\.session/);
      expect(code).not.toContain("'session.get'");
    }
  });
});
