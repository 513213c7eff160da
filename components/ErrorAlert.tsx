import { Show } from 'solid-js';
import type { ErrorInfo } from '@/utils/errors';
import { t } from '@/utils/i18n';

/**
 * A failure the agent must read: announced by screen readers as it appears. `then` says what
 * came of it, after the reason ("Nothing was saved.").
 */
export function ErrorAlert(props: { error: ErrorInfo | undefined; id?: string; then?: string }) {
  return (
    <Show when={props.error}>
      {(error) => (
        <div class="alert" role="alert" id={props.id}>
          {t(error().key, error().substitutions)}
          {props.then ? ` ${props.then}` : ''}
        </div>
      )}
    </Show>
  );
}
