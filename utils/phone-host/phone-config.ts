import type { PhoneConfig } from '../messages';
import { defaultSipServer } from '../sip/sip-server';
import type { Credentials } from '../session-storage';
import type { AgentInfo } from '../storage';
import type { Settings } from '../settings/settings';

/** What the phone host needs, from what the session stored. */
export function phoneConfig(
  agent: AgentInfo,
  credentials: Credentials,
  settings: Settings,
): PhoneConfig {
  return {
    sessionId: credentials.phone.sessionId,
    server: settings.sipServer || defaultSipServer(agent.sipHost),
    domain: agent.sipHost,
    extension: agent.extension,
    auth: credentials.sipAuth,
    displayName: agent.fullName,
    iceServers: settings.iceServers.map((url) => ({ urls: url })),
    dtmfMode: agent.dtmfMode,
    contactName: credentials.phone.contactName,
    instanceId: credentials.phone.instanceId,
    audioInputId: settings.audioInputId,
    audioOutputId: settings.audioOutputId,
    autoAnswer: settings.autoAnswer,
    soundsMuted: settings.soundsMuted,
  };
}
