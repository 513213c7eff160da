import { t } from '../../i18n';
import { recordCallResult } from '../calls/call-history';
import type { Campaign } from '../../settings/settings';
import { credentialsItem } from '../../session-storage';
import { agentItem, shiftItem } from '../../storage';
import type { ShiftState } from '../../shift/shift-state';
import { agentBreak, agentUnbreak } from '../../ucontact/agent-break';
import { agentCall } from '../../ucontact/agent-call';
import { dispositionCall } from '../../ucontact/disposition-call';
import { createShiftService, type ShiftUContact } from './shift-service';

const WRAP_UP_ALARM = 'shift-wrap-up';
const NOTICE = 'shift:';

export interface AgentShiftOptions {
  expectCampaignLeg: Parameters<typeof createShiftService>[0]['expectCampaignLeg'];
  /** The shift changed: the session view (popup, badge) follows. */
  onChange(): void;
  openPopup(): void;
  log: (...args: unknown[]) => void;
}

/**
 * The shift service wired to the browser: its state in storage, uContact reached with the
 * session's token, notices as system notifications, and an alarm for the end of a timed wrap-up
 * (a service worker may be stopped long before it).
 */
export function createAgentShift(options: AgentShiftOptions) {
  let wrapUpTimer: ReturnType<typeof setTimeout> | undefined;
  const shift = createShiftService({
    load: () => shiftItem.getValue(),
    save: (state) => shiftItem.setValue(state),
    uContact: boundClient,
    expectCampaignLeg: options.expectCampaignLeg,
    notify: (notice, number) => {
      const [title, message] =
        notice === 'resultDue'
          ? [t('noticeTitleResultDue'), t('noticeResultDue', [number])]
          : [t('noticeTitleNoFirstLeg'), t('noticeNoFirstLeg', [number])];
      void browser.notifications
        .create(`${NOTICE}${notice}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title,
          message,
        })
        .catch(options.log);
    },
    onChange: (state) => {
      scheduleWrapUpEnd(state);
      options.onChange();
    },
    onResultSaved: recordCallResult,
    log: options.log,
  });

  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith(NOTICE)) options.openPopup();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WRAP_UP_ALARM) void shift.tick();
  });

  function scheduleWrapUpEnd(state: ShiftState): void {
    if (state.status === 'wrap-up' && typeof state.wrapUpUntil === 'number') {
      // The alarm survives a stopped service worker; the timer is on time while it runs (Chrome
      // may delay alarms of packed extensions to 30 s).
      void browser.alarms.create(WRAP_UP_ALARM, { when: state.wrapUpUntil });
      clearTimeout(wrapUpTimer);
      wrapUpTimer = setTimeout(() => void shift.tick(), state.wrapUpUntil - Date.now());
    } else {
      clearTimeout(wrapUpTimer);
      void browser.alarms.clear(WRAP_UP_ALARM);
    }
  }

  return shift;
}

/** The logged-in agent's uContact calls, or null when nobody is logged in. */
async function boundClient(): Promise<ShiftUContact | null> {
  const [agent, credentials] = await Promise.all([
    agentItem.getValue(),
    credentialsItem.getValue(),
  ]);
  if (!agent || !credentials) return null;
  const { origin } = agent;
  const { token } = credentials;
  const who = { agent: agent.agent, extension: agent.extension };
  return {
    agentCall: (campaign: Campaign, destination: string) =>
      agentCall(origin, token, {
        ...who,
        callerId: campaign.callerId,
        context: campaign.context || agent.context,
        campaign: campaign.name,
        destination,
      }),
    agentBreak: (motive) => agentBreak(origin, token, { ...who, motive }),
    agentUnbreak: (motive) => agentUnbreak(origin, token, { ...who, motive }),
    dispositionCall: (result) => dispositionCall(origin, token, { ...result, agent: agent.agent }),
  };
}
