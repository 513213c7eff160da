import type { PhoneConfig } from '../messages';
import { phoneSettings, type Settings } from '../settings/settings';
import { defaultSipServer } from '../settings/sip-server';
import type { Credentials } from '../session-storage';
import type { AgentInfo } from '../storage';

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
      server: settings.sipServer || defaultSipServer(agent.sipHost),
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
