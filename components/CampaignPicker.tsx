import { createUniqueId, For } from 'solid-js';
import { t } from '@/utils/i18n';

/** Which uContact campaign the next calls go through; the choice is remembered. */
export function CampaignPicker(props: {
  campaigns: string[];
  /** The campaign calls go through now (`chosenCampaign`). */
  chosen: string;
  onChange: (name: string) => void;
}) {
  const id = createUniqueId();
  return (
    <div class="field campaign-picker">
      <label for={id}>{t('campaignLabel')}</label>
      <select
        id={id}
        value={props.chosen}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <For each={props.campaigns}>{(name) => <option value={name}>{name}</option>}</For>
      </select>
    </div>
  );
}
