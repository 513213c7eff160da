import { Show } from 'solid-js';
import { t } from '@/utils/i18n';

/** Beside a field an administrator locked: why it cannot be changed. */
export function ManagedNote(props: { locked: boolean }) {
  return (
    <Show when={props.locked}>
      <p class="hint managed-note" data-testid="set-by-organization">
        {t('settingSetByOrganization')}
      </p>
    </Show>
  );
}
