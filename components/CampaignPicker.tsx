import { createUniqueId, For } from 'solid-js';
import { t } from '@/utils/i18n';

/** Which uContact campaign the next calls go through; the choice is remembered. */
export function CampaignPicker(props: {
  campaigns: string[];
  /** The remembered choice; empty or gone: the first campaign. */
  chosen: string;
  onChange: (name: string) => void;
}) {
  const id = createUniqueId();
  const value = () => (props.campaigns.includes(props.chosen) ? props.chosen : props.campaigns[0]);
  return (
    <div class="field campaign-picker">
      <label for={id}>{t('campaignLabel')}</label>
      <select
        id={id}
        value={value()}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <For each={props.campaigns}>{(name) => <option value={name}>{name}</option>}</For>
      </select>
    </div>
  );
}
