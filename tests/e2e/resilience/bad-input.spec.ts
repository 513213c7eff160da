import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MisbehaviourKind } from '../../rig/ucontact-server';
import { startUContactServer } from '../../rig/ucontact-server';
import {
  INSTANCE,
  INSTANCE_HOST,
  MARIA,
  startEnvironment,
  useLoopbackIce,
  type Environment,
} from '../support/environment';
import type { PopupPage } from '../support/popup-page';
import { sleep, waitUntil } from '../support/wait';
import { untrustedName } from '../../../utils/untrusted-text';

/** An agent whose name is an attack: it must show as text, never run. */
const MALLORY = {
  agent: 'mallory',
  password: 'mallory-Pa55',
  name: '1999',
  sipPassword: 'sip-secret-1999',
  fullname: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
};

/**
 * A connection that fails outright. Inside the test's loopback-only namespace Chromium reports
 * itself offline (no interface but `lo`), so the message there is the offline one; on an agent's
 * machine it is "Could not reach uContact".
 */
const REACH_FAILURE = /Could not reach uContact|You are offline/;

/** What the popup must say for each broken AgentLogin reply (null: it is a good login). */
const REPLIES: Record<MisbehaviourKind, string | null> = {
  zero: 'Wrong agent or password',
  error: 'Wrong agent or password',
  'quoted-zero': 'Wrong agent or password',
  empty: 'uContact sent an empty answer',
  whitespace: 'uContact sent an empty answer',
  'html-200': 'does not understand',
  'html-502': 'HTTP 502',
  'html-503': 'HTTP 503',
  'json-array': 'does not understand',
  'json-no-name': 'no phone extension',
  'wrong-types': 'no phone extension',
  'truncated-json': 'does not understand',
  bom: null,
  huge: 'does not understand',
  'slow-drip': null,
  hang: 'did not answer in time',
  reset: 'REACH_FAILURE',
  'http-500': 'HTTP 500',
  'http-401': 'refused the request (HTTP 401)',
  'redirect-other-origin': 'redirected to another address',
};

/**
 * Bad input: every broken reply, address and number gets a clear message, stores nothing and
 * leaves no unhandled error in any extension context.
 */
describe('resilience: bad input', () => {
  let env: Environment;
  let popup: PopupPage;
  const errors: string[] = [];

  const expectNothingStored = async () => {
    expect((await popup.storage('session')).credentials).toBeUndefined();
  };
  const attempt = async (instance = INSTANCE, agent = MARIA.agent, password = MARIA.password) => {
    await popup.login({ instance, agent, password });
    await Promise.race([
      popup.alert.waitFor({ timeout: 20_000 }),
      popup.logoutButton.waitFor({ timeout: 20_000 }),
    ]);
  };

  beforeAll(async () => {
    env = await startEnvironment({ agents: [MARIA, MALLORY] });
    popup = await env.openPopup();
    popup.page.on('pageerror', (error) => errors.push(`popup: ${error.message}`));
    const worker = await env.browser.serviceWorker();
    worker.on('console', (message) => {
      if (message.type() === 'error') errors.push(`background: ${message.text()}`);
    });
    await useLoopbackIce(popup);
  });
  afterEach(() => {
    env.ucontact.behave('normal');
    expect(errors, 'unhandled errors in extension contexts').toEqual([]);
  });
  afterAll(async () => {
    await env?.close();
  });

  for (const [kind, message] of Object.entries(REPLIES) as [MisbehaviourKind, string | null][]) {
    it(`AgentLogin reply "${kind}" → ${message ? `"${message === 'REACH_FAILURE' ? 'Could not reach uContact' : message}", nothing stored` : 'a good login'}`, async () => {
      env.ucontact.behave(kind);
      await attempt();
      if (message) {
        const text = await popup.alert.textContent();
        if (message === 'REACH_FAILURE') expect(text).toMatch(REACH_FAILURE);
        else expect(text).toContain(message);
        await expectNothingStored();
      } else {
        await popup.logoutButton.waitFor();
        await popup.logoutButton.click();
        await popup.loginButton.waitFor();
      }
    });
  }

  it('a TLS failure at the instance → "Could not reach uContact", nothing stored', async () => {
    await env.ucontact.close();
    // Something that is not TLS answers on 443.
    const sockets = new Set<Socket>();
    const impostor: Server = createServer((socket) => {
      sockets.add(socket);
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    });
    await new Promise<void>((ready) => impostor.listen(443, '127.0.0.1', ready));
    try {
      await attempt();
      expect(await popup.alert.textContent()).toMatch(REACH_FAILURE);
      await expectNothingStored();
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => impostor.close(done));
      env.ucontact = await startUContactServer({
        agents: [MARIA, MALLORY],
        instanceHost: INSTANCE_HOST,
      });
    }
  });

  it('a fullname holding HTML and script renders as text and runs nothing', async () => {
    await attempt(INSTANCE, MALLORY.agent, MALLORY.password);
    await popup.logoutButton.waitFor();
    // Shown as text, as the cleaner leaves it: its double quotes (they would end the SIP From
    // display name) gone, and cut to 64 characters.
    const shown = await popup.page.getByTestId('agent-name').textContent();
    expect(shown).toBe(untrustedName(MALLORY.fullname));
    expect(shown).toMatch(/^<img src=x onerror=window\.__pwned=1><script>window/);
    expect(
      await popup.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await popup.page.locator('.agent-card img, .agent-card script').count()).toBe(0);
    await popup.logoutButton.click();
    await popup.loginButton.waitFor();
  });

  for (const instance of [
    'not a url!',
    'javascript:alert(1)',
    'http://pbx.example.com',
    'https://acme.ucontactcloud.com/path',
    '',
  ]) {
    it(`instance "${instance}" is refused with a message, nothing sent`, async () => {
      const before = env.ucontact.requests.length;
      await attempt(instance);
      expect(await popup.alert.textContent()).toMatch(
        /uContact instance|not secure|Enter your uContact instance/,
      );
      expect(env.ucontact.requests.length).toBe(before);
      await expectNothingStored();
    });
  }

  it('a ws:// SIP server off this computer is refused in the login form, nothing sent', async () => {
    const before = env.ucontact.requests.length;
    await popup.login({
      instance: INSTANCE,
      agent: MARIA.agent,
      password: MARIA.password,
      sipServer: 'ws://pbx.example.com:8088/ws',
    });
    await popup.alert.waitFor({ timeout: 5_000 });
    expect(await popup.alert.textContent()).toContain(
      'The SIP server "pbx.example.com:8088" is not encrypted',
    );
    expect(env.ucontact.requests.length).toBe(before);
    await expectNothingStored();
    // The form keeps what was typed: empty the field again for the logins below.
    await popup.sipServer.fill('');
  });

  it('the options page refuses a ws:// SIP server off this computer inline, saving nothing; loopback is fine', async () => {
    const options = await env.browser.openExtensionPage('options.html');
    const stored = async () =>
      ((await popup.storage('local')).settings as { sipServer?: string } | undefined)?.sipServer;
    const field = options.locator('#options-sip-server');
    const refusal = options.getByRole('alert').filter({ hasText: 'is not encrypted' });
    const before = await stored();
    try {
      await field.fill('ws://pbx.example.com:8088/ws');
      await field.press('Tab');
      await refusal.waitFor({ timeout: 5_000 });
      expect(await refusal.textContent()).toContain('Nothing was saved.');
      expect(await stored()).toBe(before);

      await field.fill('ws://127.0.0.1:8088/ws');
      await field.press('Tab');
      await waitUntil(async () => (await stored()) === 'ws://127.0.0.1:8088/ws', 5_000, 'saved');
      expect(await refusal.count()).toBe(0);
    } finally {
      await field.fill('');
      await field.press('Tab');
      await waitUntil(async () => (await stored()) === '', 5_000, 'override removed');
      await options.close();
    }
  });

  describe('dial strings that are not numbers never reach SIP', () => {
    beforeAll(async () => {
      await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
      await popup.waitForSipState('registered');
    });

    for (const dial of ['1@evil.com', 'sip:x', '<1997>', '1997;x', '19\n97', '9'.repeat(200), '']) {
      it(`dial ${JSON.stringify(dial.length > 20 ? `${dial.slice(0, 12)}… (${dial.length})` : dial)} is refused`, async () => {
        const invites = env.kamailio.sipRequests().filter((r) => r.method === 'INVITE').length;
        const reply = await popup.request<{ ok: boolean; error?: { key: string } }>('call.dial', {
          dial,
          display: dial,
        });
        expect(reply).toEqual({ ok: false, error: { key: 'errorDialInvalid', substitutions: [] } });
        // Typed into the dial pad too (a text field cannot hold a newline: that case is message-only).
        if (dial && !dial.includes('\n')) {
          await popup.number.fill(dial);
          await popup.button('Call').click();
        }
        await sleep(200);
        expect(env.kamailio.sipRequests().filter((r) => r.method === 'INVITE').length).toBe(
          invites,
        );
      });
    }
  });
});
