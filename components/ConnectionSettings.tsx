import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/settings';
import { SettingField } from './SettingField';

/** Where the agent logs in: the instance and the SIP server override (used at the next login). */
export function ConnectionSettings(props: {
  settings: Settings;
  locked: ReadonlySet<keyof Settings>;
  update: (patch: Partial<Settings>) => void;
}) {
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
            onChange={(event) => props.update({ sipServer: event.currentTarget.value.trim() })}
          />
        )}
      </SettingField>
    </section>
  );
}
