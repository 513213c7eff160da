import { For } from 'solid-js';
import { screenPopPresets } from '@/utils/crm/registry';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/settings';
import { ManagedNote } from './ManagedNote';

/** How calls are handled: auto-answer, transfer, screen-pop, sounds, default country. */
export function CallSettings(props: {
  settings: Settings;
  locked: ReadonlySet<keyof Settings>;
  update: (patch: Partial<Settings>) => void;
}) {
  const isLocked = (key: keyof Settings) => props.locked.has(key);
  const setScreenPop = (patch: Partial<Settings['screenPop']>) =>
    props.update({ screenPop: { ...props.settings.screenPop, ...patch } });
  return (
    <section class="card" aria-labelledby="calls-title">
      <h2 id="calls-title">{t('callsTitle')}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={props.settings.autoAnswer}
          disabled={isLocked('autoAnswer')}
          onChange={(event) => props.update({ autoAnswer: event.currentTarget.checked })}
        />
        {t('autoAnswerLabel')}
      </label>
      <ManagedNote locked={isLocked('autoAnswer')} />
      <label class="check">
        <input
          type="checkbox"
          checked={props.settings.soundsMuted}
          disabled={isLocked('soundsMuted')}
          onChange={(event) => props.update({ soundsMuted: event.currentTarget.checked })}
        />
        {t('soundsMutedLabel')}
      </label>
      <div class="field">
        <label for="default-country">{t('defaultCountryLabel')}</label>
        <input
          id="default-country"
          type="text"
          maxlength="2"
          autocomplete="off"
          placeholder={t('defaultCountryPlaceholder')}
          aria-describedby="default-country-hint"
          value={props.settings.defaultCountry}
          disabled={isLocked('defaultCountry')}
          onChange={(event) =>
            props.update({ defaultCountry: event.currentTarget.value.trim().toUpperCase() })
          }
        />
        <p class="hint" id="default-country-hint">
          {t('defaultCountryHint')}
        </p>
        <ManagedNote locked={isLocked('defaultCountry')} />
      </div>
      <div class="field">
        <label for="transfer-mode">{t('transferModeLabel')}</label>
        <select
          id="transfer-mode"
          value={props.settings.transferMode}
          disabled={isLocked('transferMode')}
          onChange={(event) =>
            props.update({ transferMode: event.currentTarget.value as Settings['transferMode'] })
          }
        >
          <option value="refer">{t('transferModeRefer')}</option>
          <option value="dtmf">{t('transferModeDtmf')}</option>
        </select>
        <ManagedNote locked={isLocked('transferMode')} />
      </div>
      <div class="field">
        <label for="screen-pop-when">{t('screenPopLabel')}</label>
        <select
          id="screen-pop-when"
          value={props.settings.screenPop.when}
          disabled={isLocked('screenPop')}
          onChange={(event) =>
            setScreenPop({ when: event.currentTarget.value as Settings['screenPop']['when'] })
          }
        >
          <option value="never">{t('screenPopNever')}</option>
          <option value="ring">{t('screenPopRing')}</option>
          <option value="answer">{t('screenPopAnswer')}</option>
        </select>
      </div>
      <div class="field">
        <label for="screen-pop-template">{t('screenPopTemplateLabel')}</label>
        <input
          id="screen-pop-template"
          type="url"
          list="screen-pop-presets"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="screen-pop-hint"
          value={props.settings.screenPop.template}
          disabled={isLocked('screenPop')}
          onChange={(event) => setScreenPop({ template: event.currentTarget.value.trim() })}
        />
        <datalist id="screen-pop-presets">
          <For each={screenPopPresets()}>
            {(preset) => <option value={preset.template} label={preset.name} />}
          </For>
        </datalist>
        <p class="hint" id="screen-pop-hint">
          {t('screenPopTemplateHint')}
        </p>
        <ManagedNote locked={isLocked('screenPop')} />
      </div>
    </section>
  );
}
