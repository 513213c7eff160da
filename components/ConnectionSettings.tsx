import { createSignal } from 'solid-js';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/settings';
import { parseSipServer } from '@/utils/settings/sip-server';
import { ErrorAlert } from './ErrorAlert';
import { SettingField } from './SettingField';

/** Where the agent logs in: the instance and the SIP server override (used at the next login). */
export function ConnectionSettings(props: {
  settings: Settings;
  locked: ReadonlySet<keyof Settings>;
  update: (patch: Partial<Settings>) => void;
}) {
  // What was typed and refused (it is not saved), else what is wrong with the stored value (one
  // saved before ws:// was limited to this computer): the same check as at login and in policy.
  const [typed, setTyped] = createSignal<ErrorInfo>();
  const sipServerError = () => typed() ?? problemOf(props.settings.sipServer);
  const saveSipServer = (text: string) => {
    try {
      props.update({ sipServer: parseSipServer(text) });
      setTyped(undefined);
    } catch (error) {
      setTyped(toErrorInfo(error));
    }
  };

  return (
    <section class="card" aria-labelledby="connection-title">
      <h2 id="connection-title">{t('connectionTitle')}</h2>
      <SettingField
        id="options-instance"
        label={t('instanceLabel')}
        locked={props.locked.has('instance')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={props.settings.instance}
            onChange={(event) => props.update({ instance: event.currentTarget.value.trim() })}
          />
        )}
      </SettingField>
      <SettingField
        id="options-sip-server"
        label={t('sipServerLabel')}
        hint={t('sipServerHint')}
        locked={props.locked.has('sipServer')}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="wss://pbx.example.com:8089/ws"
            value={props.settings.sipServer}
            aria-invalid={sipServerError() ? true : undefined}
            onChange={(event) => saveSipServer(event.currentTarget.value)}
          />
        )}
      </SettingField>
      <ErrorAlert
        error={sipServerError()}
        then={typed() ? t('contactCenterNotSaved') : undefined}
      />
    </section>
  );
}

function problemOf(sipServer: string): ErrorInfo | undefined {
  try {
    parseSipServer(sipServer);
    return undefined;
  } catch (error) {
    return toErrorInfo(error);
  }
}
