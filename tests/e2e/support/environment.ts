import {
  launchBrowserWithExtension,
  type ExtensionBrowser,
  type ExtensionBrowserOptions,
} from '../../rig/browser';
import { startKamailio, type Kamailio } from '../../rig/kamailio';
import { ha1 } from '../../rig/sip-credentials';
import {
  startUContactServer,
  type UContactAgent,
  type UContactServer,
} from '../../rig/ucontact-server';
import type { Callee } from '../../rig/callee';
import { PopupPage } from './popup-page';

/** The agent every end-to-end test logs in as, and the far end it calls. */
export const MARIA: UContactAgent = {
  agent: 'maria',
  password: 'maria-Pa55',
  name: '1997',
  sipPassword: 'sip-secret-1997',
  fullname: 'María Gómez',
};
export const CALLEE = { user: '2000', password: 'sip-secret-2000' };
export const INSTANCE = 'acme';
export const INSTANCE_HOST = 'acme.ucontactcloud.com';

export interface Environment {
  ucontact: UContactServer;
  kamailio: Kamailio;
  browser: ExtensionBrowser;
  /** Opens the popup in a tab and returns its page object. */
  openPopup(): Promise<PopupPage>;
  close(): Promise<void>;
}

export interface EnvironmentOptions {
  agents?: UContactAgent[];
  /** Extra SIP users at Kamailio (user -> password). */
  sipUsers?: Record<string, string>;
  /** Dialled user -> registered user, for calls to E.164 numbers. */
  dialPlan?: Record<string, string>;
  /** Chromium options (host mapping for CRM fixture hosts, extra public loopback ports). */
  browser?: ExtensionBrowserOptions;
}

/** uContact API + Kamailio + Chromium with the built extension, all on loopback. */
export async function startEnvironment(options: EnvironmentOptions = {}): Promise<Environment> {
  const agents = options.agents ?? [MARIA];
  const users: Record<string, string> = {};
  for (const agent of agents) users[agent.name] = ha1(agent.name, agent.sipPassword);
  users[CALLEE.user] = ha1(CALLEE.user, CALLEE.password);
  for (const [user, password] of Object.entries(options.sipUsers ?? {}))
    users[user] = ha1(user, password);

  const ucontact = await startUContactServer({ agents, instanceHost: INSTANCE_HOST });
  const kamailio = await startKamailio({ users, dialPlan: options.dialPlan }).catch(
    async (error) => {
      await ucontact.close();
      throw error;
    },
  );
  const browser = await launchBrowserWithExtension(options.browser).catch(async (error) => {
    await Promise.all([ucontact.close(), kamailio.stop()]);
    throw error;
  });

  const env: Environment = {
    ucontact,
    kamailio,
    browser,
    async openPopup() {
      // `env.browser`, not `browser`: a test may relaunch the browser (a "browser restart").
      const page = await env.browser.openPopup();
      // The size Chrome gives the popup, so screenshots show what an agent sees.
      await page.setViewportSize({ width: 372, height: 600 });
      return new PopupPage(page);
    },
    async close() {
      await env.browser.close().catch(() => undefined);
      await Promise.all([env.ucontact.close(), env.kamailio.stop()]);
    },
  };
  return env;
}

/** No STUN/TURN in tests: host candidates on loopback only. Set before logging in. */
export function useLoopbackIce(popup: PopupPage): Promise<void> {
  return popup.setSettings({ iceServers: [] });
}

/** Registers the far-end phone at the rig's Kamailio as `CALLEE` (or another user). */
export function registerCallee(env: Environment, callee: Callee, user = CALLEE) {
  return callee.register({
    wsUrl: env.kamailio.wsUrl,
    user: user.user,
    ha1: ha1(user.user, user.password),
    domain: INSTANCE_HOST,
  });
}
