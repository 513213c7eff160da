import { createSignal, Match, Show, Switch } from 'solid-js';
import { chosenCampaign, dispositionTree } from '@/utils/settings/contact-center';
import type { Settings } from '@/utils/settings/settings';
import type { CallView } from '@/utils/sip/phone-state';
import type { CallRecord } from '@/utils/storage';
import { t } from '@/utils/i18n';
import type { CurrentSite } from '@/utils/popup/current-site';
import type { SessionStore } from '@/utils/popup/session-store';
import { AgentCard } from './AgentCard';
import { AgentStatus } from './AgentStatus';
import { CallConfirmation } from './CallConfirmation';
import { CallResultForm } from './CallResultForm';
import { CampaignPicker } from './CampaignPicker';
import { CallHistory } from './CallHistory';
import { CallPanel } from './CallPanel';
import { OtherCalls } from './OtherCalls';
import { DialPad } from './DialPad';
import { ErrorAlert } from './ErrorAlert';
import { LoginForm } from './LoginForm';
import { SipStatus } from './SipStatus';

/** The toolbar popup: the login form, or who is logged in and the phone's state. */
export function Popup(props: {
  store: SessionStore;
  site: CurrentSite;
  /** Turns what the agent typed into a dial string (null when it is not a number). */
  toDialString: (typed: string) => string | null;
  /** What the house dial plan makes of the typed text, when that differs from it; else null. */
  toDialPreview: (typed: string) => string | null;
  history: () => CallRecord[];
  /** The settings in force (campaigns, break reasons, call results). */
  settings: () => Settings;
  /** The agent picked another campaign for the next calls. */
  onCampaign: (name: string) => void;
}) {
  const store = props.store;
  const [shiftBusy, setShiftBusy] = createSignal(false);
  const shiftCommand = async (run: () => Promise<boolean>) => {
    setShiftBusy(true);
    try {
      await run();
    } finally {
      setShiftBusy(false);
    }
  };
  /** uContact's queues are in play: the contact center set breaks or campaign calls. */
  /** A call waits for the agent's yes (shown where the dial pad is, so never during a call). */
  const asking = () => !!store.confirmation() && !isLive(store.loggedIn()?.call ?? null);
  const contactCenter = () =>
    props.settings().breakReasons.length > 0 || props.settings().callRouting === 'campaign';
  return (
    <main class="popup">
      <header class="brand">
        <img src="/icon/32.png" width="20" height="20" alt="" />
        <span>{t('extName')}</span>
      </header>
      <Switch fallback={<div class="loading" aria-busy="true" />}>
        <Match when={store.loggedOut()}>
          {(view) => (
            <LoginForm
              initial={{
                instance: view().lastInstance,
                agent: view().lastAgent,
                sipServer: view().lastSipServer,
                locked: view().locked ?? [],
              }}
              busy={store.busy() === 'login'}
              error={store.error()}
              onSubmit={(input) => void store.login(input)}
            />
          )}
        </Match>
        <Match when={store.loggedIn()}>
          {(view) => (
            <section class="session">
              <AgentCard
                fullName={view().fullName}
                extension={view().extension}
                instanceOrigin={view().instanceOrigin}
              />
              <SipStatus
                state={view().sip.state}
                error={view().sip.error}
                queues={contactCenter()}
              />
              {/* While a call waits for the agent's yes, only its two answers can be reached. */}
              <div class="contents" inert={asking()}>
                <Show when={contactCenter()}>
                  <AgentStatus
                    shift={view().shift}
                    reasons={props.settings().breakReasons}
                    busy={shiftBusy()}
                    inCall={isLive(view().call)}
                    onBreak={(reason) =>
                      void shiftCommand(() => store.callCommand('shift.break', { reason }))
                    }
                    onResume={() =>
                      void shiftCommand(() => store.callCommand('shift.resume', null))
                    }
                  />
                </Show>
                {/* Keyed by the call: a failed save updates the form in place, keeping what was chosen
                    (within one key, the first result due is that call's). */}
                <Show when={view().shift.results[0]?.legId} keyed>
                  {(legId) => (
                    <CallResultForm
                      due={view().shift.results[0]!}
                      options={dispositionTree(
                        props.settings().dispositions,
                        view().shift.results[0]?.campaign ?? '',
                      )}
                      busy={shiftBusy()}
                      onSave={(input) =>
                        void shiftCommand(() =>
                          store.callCommand('shift.saveResult', { legId, ...input }),
                        )
                      }
                    />
                  )}
                </Show>
                <Show when={view().call}>
                  {(call) => (
                    <CallPanel
                      call={call()}
                      onHangup={() => void store.callCommand('call.hangup', { callId: call().id })}
                      onAnswer={() => void store.callCommand('call.answer', { callId: call().id })}
                      onDecline={() =>
                        void store.callCommand('call.decline', { callId: call().id })
                      }
                      onMute={(muted) => void store.callCommand('call.mute', { muted })}
                      onHold={(held) =>
                        void store.callCommand('call.hold', { held, callId: call().id })
                      }
                      onDigit={(digits) => void store.callCommand('call.dtmf', { digits })}
                      onTransfer={(target) => store.transfer(target)}
                    />
                  )}
                </Show>
                <OtherCalls
                  calls={view().otherCalls}
                  onAnswer={(callId) => void store.callCommand('call.answer', { callId })}
                  onDecline={(callId) => void store.callCommand('call.decline', { callId })}
                  onResume={(callId) =>
                    void store.callCommand('call.hold', { held: false, callId })
                  }
                />
              </div>
              <Show when={!isLive(view().call)}>
                <Show
                  when={store.confirmation()}
                  keyed
                  fallback={
                    <>
                      <Show
                        when={
                          props.settings().callRouting === 'campaign' &&
                          props.settings().campaigns.length > 1
                        }
                      >
                        <CampaignPicker
                          campaigns={props.settings().campaigns.map((campaign) => campaign.name)}
                          chosen={chosenCampaign(props.settings())?.name ?? ''}
                          onChange={props.onCampaign}
                        />
                      </Show>
                      <DialPad
                        disabled={view().sip.state !== 'registered'}
                        preview={props.toDialPreview}
                        onIntent={store.prepareCall}
                        onCall={async (number) => {
                          const dial = props.toDialString(number);
                          if (!dial) {
                            store.setError({ key: 'errorDialInvalid', substitutions: [] });
                            return false;
                          }
                          return store.dial({ dial, display: number.trim() });
                        }}
                      />
                    </>
                  }
                >
                  {(confirmation) => (
                    <CallConfirmation
                      confirmation={confirmation}
                      busy={store.confirming()}
                      onConfirm={() => void store.confirmCall()}
                      onCancel={() => void store.cancelConfirmation()}
                    />
                  )}
                </Show>
              </Show>
              <ErrorAlert error={store.error()} />
              <div class="contents" inert={asking()}>
                <CallHistory
                  history={props.history()}
                  canCall={view().sip.state === 'registered' && !isLive(view().call)}
                  onRedial={(record) =>
                    void store.dial({ dial: record.number, display: record.number })
                  }
                  onClear={() => void store.callCommand('history.clear', null)}
                />
                <Show when={props.site.site()}>
                  {(site) => (
                    <Show
                      when={!props.site.enabled()}
                      fallback={
                        <p class="hint" role="status">
                          {t('siteEnabled', [site().host])}
                        </p>
                      }
                    >
                      <button
                        class="secondary"
                        type="button"
                        onClick={async () => {
                          const error = await props.site.enable();
                          if (error) store.setError(error);
                        }}
                      >
                        {t('enableSiteButton', [site().host])}
                      </button>
                    </Show>
                  )}
                </Show>
                <button
                  class="secondary"
                  type="button"
                  disabled={store.busy() === 'logout'}
                  onClick={() => void store.logout()}
                >
                  {store.busy() === 'logout' ? t('loggingOut') : t('logoutButton')}
                </button>
              </div>
            </section>
          )}
        </Match>
      </Switch>
    </main>
  );
}

function isLive(call: CallView | null): boolean {
  return !!call && call.state !== 'ended' && call.state !== 'failed';
}
