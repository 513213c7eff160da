import { DEFAULT_PUBLIC_LOOPBACK_PORTS } from '../../rig/browser';
import { startCallee, type Callee } from '../../rig/callee';
import { FIXTURE_PORT, startFixtureServer, type FixtureServer } from '../../rig/fixture-server';
import {
  CALLEE,
  INSTANCE,
  MARIA,
  registerCallee,
  startEnvironment,
  useLoopbackIce,
  type Environment,
} from './environment';
import type { PopupPage } from './popup-page';

/** A logged-in, registered agent, a far end to call, and one CRM host serving a fixture page. */
export interface CrmSession {
  env: Environment;
  fixtures: FixtureServer;
  callee: Callee;
  popup: PopupPage;
  close(): Promise<void>;
}

/**
 * Starts the servers and the browser, maps `crmHost` to the fixture `fixture`, registers the
 * callee (every number dials it) and logs Maria in from the popup.
 */
export async function startCrmSession(crmHost: string, fixture: string): Promise<CrmSession> {
  const env = await startEnvironment({
    dialPlan: { '*': CALLEE.user },
    browser: {
      hostResolverRules: `MAP *.ucontactcloud.com 127.0.0.1, MAP ${crmHost} 127.0.0.1`,
      publicLoopbackPorts: [...DEFAULT_PUBLIC_LOOPBACK_PORTS, FIXTURE_PORT],
    },
  });
  const fixtures = await startFixtureServer({ [crmHost]: fixture });
  const callee = await startCallee(env.browser.context);
  await registerCallee(env, callee);
  const popup = await env.openPopup();
  await useLoopbackIce(popup);
  await popup.login({ instance: INSTANCE, agent: MARIA.agent, password: MARIA.password });
  await popup.waitForSipState('registered');
  return {
    env,
    fixtures,
    callee,
    popup,
    close: async () => {
      await callee.close().catch(() => undefined);
      await fixtures.close();
      await env.close();
    },
  };
}
