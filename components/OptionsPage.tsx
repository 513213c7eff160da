import { For, Show } from 'solid-js';
import { t } from '@/utils/i18n';
import { request } from '@/utils/messages';
import { describeExtension } from '@/utils/options/describe-extension';
import type { MicrophoneStore } from '@/utils/options/microphone-store';
import { AboutSection } from './AboutSection';
import { BlockedNumbers } from './BlockedNumbers';
import { CallSettings } from './CallSettings';
import { ConnectionSettings } from './ConnectionSettings';
import { ContactCenterSettings } from './ContactCenterSettings';
import { DialPlanEditor } from './DialPlanEditor';
import { EnabledSites } from './EnabledSites';
import { MicrophonePermission } from './MicrophonePermission';
import { SettingCheck, SettingField } from './SettingField';
import type { SettingsStore } from '@/utils/options/settings-store';

/** Settings and microphone set-up, in a tab of its own. */
export function OptionsPage(props: { microphone: MicrophoneStore; settings: SettingsStore }) {
  const mic = props.microphone;
  const about = describeExtension();
  const inputs = () =>
    mic.devices().filter((device) => device.kind === 'audioinput' && device.deviceId);
  const outputs = () =>
    mic.devices().filter((device) => device.kind === 'audiooutput' && device.deviceId);

  return (
    <main class="options">
      <header class="brand">
        <img src="/icon/32.png" width="24" height="24" alt="" />
        <h1>{t('optionsTitle')}</h1>
      </header>

      <section id="microphone" class="card" aria-labelledby="microphone-title">
        <h2 id="microphone-title">{t('microphoneTitle')}</h2>
        <p>{t(import.meta.env.FIREFOX ? 'microphoneWhyFirefox' : 'microphoneWhy')}</p>
        <MicrophonePermission microphone={mic} />
      </section>

      <Show when={props.settings.settings()}>
        {(settings) => (
          <section class="card" aria-labelledby="audio-title">
            <h2 id="audio-title">{t('audioDevicesTitle')}</h2>
            <DeviceField
              id="audio-input"
              label={t('audioInputLabel')}
              devices={inputs()}
              value={settings().audioInputId}
              onChange={(audioInputId) => void props.settings.update({ audioInputId })}
            />
            <DeviceField
              id="audio-output"
              label={t('audioOutputLabel')}
              devices={outputs()}
              value={settings().audioOutputId}
              onChange={(audioOutputId) => void props.settings.update({ audioOutputId })}
            />
            <SettingCheck
              label={t('debugLabel')}
              checked={settings().debug}
              onChange={(debug) => void props.settings.update({ debug })}
            />
          </section>
        )}
      </Show>
      <Show when={props.settings.settings()}>
        {(settings) => (
          <>
            <Show when={props.settings.problems().length > 0}>
              <section class="card" role="alert" aria-labelledby="managed-problems-title">
                <h2 id="managed-problems-title">{t('managedProblemsTitle')}</h2>
                <ul>
                  <For each={props.settings.problems()}>
                    {(problem) => (
                      <li>
                        {t(problem.message.key, problem.message.substitutions)}
                        {problem.detail
                          ? ` ${t(problem.detail.key, problem.detail.substitutions)}`
                          : ''}
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </Show>
            <ConnectionSettings
              settings={settings()}
              locked={props.settings.locked()}
              update={(patch) => void props.settings.update(patch)}
            />
            <CallSettings
              settings={settings()}
              locked={props.settings.locked()}
              update={(patch) => void props.settings.update(patch)}
            />
            <ContactCenterSettings
              settings={settings()}
              locked={props.settings.locked()}
              save={(patch) => props.settings.update(patch)}
            />
            <DialPlanEditor
              rules={settings().dialPlan}
              locked={props.settings.locked().has('dialPlan')}
              save={(dialPlan) => props.settings.update({ dialPlan })}
            />
            <BlockedNumbers
              entries={settings().blockedNumbers}
              policy={props.settings.policyBlockedNumbers()}
              locked={props.settings.locked().has('blockedNumbers')}
              save={(blockedNumbers) => void props.settings.update({ blockedNumbers })}
            />
            <EnabledSites
              sites={settings().enabledSites}
              onRevoke={(origin) => void request('sites.disable', { origin })}
            />
          </>
        )}
      </Show>
      <AboutSection about={about} />
    </main>
  );
}

/** A microphone or speaker choice: the browser's default, or one of the devices of that kind. */
function DeviceField(props: {
  id: string;
  label: string;
  devices: MediaDeviceInfo[];
  value: string;
  onChange: (deviceId: string) => void;
}) {
  return (
    <SettingField id={props.id} label={props.label}>
      {(control) => (
        <select
          {...control}
          value={props.value}
          onChange={(event) => props.onChange(event.currentTarget.value)}
        >
          <option value="">{t('audioDefaultDevice')}</option>
          <For each={props.devices}>
            {(device) => <option value={device.deviceId}>{device.label || device.deviceId}</option>}
          </For>
        </select>
      )}
    </SettingField>
  );
}
