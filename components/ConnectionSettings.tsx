import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/settings';
import { ManagedNote } from './ManagedNote';

/** Where the agent logs in: the instance and the SIP server override (used at the next login). */
export function ConnectionSettings(props: {
  settings: Settings;
  locked: ReadonlySet<keyof Settings>;
  update: (patch: Partial<Settings>) => void;
}) {
  return (
    <section class="card" aria-labelledby="connection-title">
      <h2 id="connection-title">{t('connectionTitle')}</h2>
      <div class="field">
        <label for="options-instance">{t('instanceLabel')}</label>
        <input
          id="options-instance"
          type="text"
          autocomplete="off"
          spellcheck={false}
          disabled={props.locked.has('instance')}
          value={props.settings.instance}
          onChange={(event) => props.update({ instance: event.currentTarget.value.trim() })}
        />
        <ManagedNote locked={props.locked.has('instance')} />
      </div>
      <div class="field">
        <label for="options-sip-server">{t('sipServerLabel')}</label>
        <input
          id="options-sip-server"
          type="url"
          autocomplete="off"
          spellcheck={false}
          placeholder="wss://pbx.example.com:8089/ws"
          disabled={props.locked.has('sipServer')}
          value={props.settings.sipServer}
          onChange={(event) => props.update({ sipServer: event.currentTarget.value.trim() })}
        />
        <p class="hint">{t('sipServerHint')}</p>
        <ManagedNote locked={props.locked.has('sipServer')} />
      </div>
    </section>
  );
}
