import type { PhoneConfig } from '../messages';
import { phoneSettings, type Settings } from '../settings/settings';
import { defaultSipServer, parseSipServer } from '../settings/sip-server';
import { readSettings } from '../settings/read-settings';
import { credentialsItem, type Credentials } from '../session-storage';
import { agentItem, type AgentInfo } from '../storage';

/** The one place the session's facts become the phone's account: what the phone host starts. */
export function phoneConfig(
  agent: AgentInfo,
  credentials: Credentials,
  settings: Settings,
): PhoneConfig {
  const { sessionId, contactName, instanceId } = credentials.phone;
  return {
    sessionId,
    account: {
      server: sipServer(settings.sipServer) || defaultSipServer(agent.sipHost),
      domain: agent.sipHost,
      extension: agent.extension,
      auth: credentials.sipAuth,
      displayName: agent.fullName,
      iceServers: settings.iceServers.map((url) => ({ urls: url })),
      dtmfMode: agent.dtmfMode,
      contactName,
      instanceId,
    },
    settings: phoneSettings(settings),
  };
}

/**
 * The agent's SIP server override, if it still passes today's check. One stored before `ws://`
 * was limited to this computer (or written into storage around the checks) is not used: the phone
 * goes to the instance's own `wss://` server, and the options page shows why the override is
 * refused. Nothing reaches a clear-text socket across the network.
 */
function sipServer(stored: string): string {
  try {
    return parseSipServer(stored);
  } catch {
    return '';
  }
}

/** The phone the current session should have, from storage; null when nobody is logged in. */
export async function loadPhoneConfig(): Promise<PhoneConfig | null> {
  const [agent, credentials, settings] = await Promise.all([
    agentItem.getValue(),
    credentialsItem.getValue(),
    readSettings(),
  ]);
  return agent && credentials ? phoneConfig(agent, credentials, settings) : null;
}
