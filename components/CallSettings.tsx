import { For } from 'solid-js';
import { screenPopPresets } from '@/utils/crm/registry';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/settings';
import { SettingCheck, SettingField } from './SettingField';

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
      <SettingCheck
        label={t('autoAnswerLabel')}
        checked={props.settings.autoAnswer}
        locked={isLocked('autoAnswer')}
        onChange={(autoAnswer) => props.update({ autoAnswer })}
      />
      <SettingCheck
        label={t('soundsMutedLabel')}
        checked={props.settings.soundsMuted}
        locked={isLocked('soundsMuted')}
        onChange={(soundsMuted) => props.update({ soundsMuted })}
      />
      <SettingField
        id="default-country"
        label={t('defaultCountryLabel')}
        hint={t('defaultCountryHint')}
        locked={isLocked('defaultCountry')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            maxlength="2"
            autocomplete="off"
            placeholder={t('defaultCountryPlaceholder')}
            value={props.settings.defaultCountry}
            onChange={(event) =>
              props.update({ defaultCountry: event.currentTarget.value.trim().toUpperCase() })
            }
          />
        )}
      </SettingField>
      <SettingField
        id="transfer-mode"
        label={t('transferModeLabel')}
        locked={isLocked('transferMode')}
      >
        {(control) => (
          <select
            {...control}
            value={props.settings.transferMode}
            onChange={(event) =>
              props.update({ transferMode: event.currentTarget.value as Settings['transferMode'] })
            }
          >
            <option value="refer">{t('transferModeRefer')}</option>
            <option value="dtmf">{t('transferModeDtmf')}</option>
          </select>
        )}
      </SettingField>
      <SettingField
        id="screen-pop-when"
        label={t('screenPopLabel')}
        locked={isLocked('screenPop')}
        note={false}
      >
        {(control) => (
          <select
            {...control}
            value={props.settings.screenPop.when}
            onChange={(event) =>
              setScreenPop({ when: event.currentTarget.value as Settings['screenPop']['when'] })
            }
          >
            <option value="never">{t('screenPopNever')}</option>
            <option value="ring">{t('screenPopRing')}</option>
            <option value="answer">{t('screenPopAnswer')}</option>
          </select>
        )}
      </SettingField>
      <SettingField
        id="screen-pop-template"
        label={t('screenPopTemplateLabel')}
        hint={t('screenPopTemplateHint')}
        locked={isLocked('screenPop')}
      >
        {(control) => (
          <>
            <input
              {...control}
              type="url"
              list="screen-pop-presets"
              autocomplete="off"
              spellcheck={false}
              value={props.settings.screenPop.template}
              onChange={(event) => setScreenPop({ template: event.currentTarget.value.trim() })}
            />
            <datalist id="screen-pop-presets">
              <For each={screenPopPresets()}>
                {(preset) => <option value={preset.template} label={preset.name} />}
              </For>
            </datalist>
          </>
        )}
      </SettingField>
    </section>
  );
}
