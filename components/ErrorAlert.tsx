import { Show } from 'solid-js';
import type { ErrorInfo } from '@/utils/errors';
import { t } from '@/utils/i18n';

/** A failure the agent must read: announced by screen readers as it appears. */
export function ErrorAlert(props: { error: ErrorInfo | undefined }) {
  return (
    <Show when={props.error}>
      {(error) => (
        <div class="alert" role="alert">
          {t(error().key, error().substitutions)}
        </div>
      )}
    </Show>
  );
}
