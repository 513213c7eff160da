import { createSignal, For, onCleanup, Show } from 'solid-js';
import { t } from '@/utils/i18n';
import type { ShiftState } from '@/utils/shift/shift-state';

/** Minutes and seconds, `m:ss`. */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The agent's state in uContact, in words with the time in it, and the way to a break and back.
 * Shown only when the contact center set break reasons or campaigns (otherwise uContact's queues
 * are not in play and the agent is simply ready).
 */
export function AgentStatus(props: {
  shift: ShiftState;
  reasons: string[];
  busy: boolean;
  /** In a call: a break waits until it ends. */
  inCall: boolean;
  onBreak: (reason: string) => void;
  onResume: () => void;
}) {
  const [now, setNow] = createSignal(Date.now());
  const [choosing, setChoosing] = createSignal(false);
  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));

  const text = () => {
    const shift = props.shift;
    const since = clock(now() - shift.since);
    if (shift.status === 'break') return t('agentStatusBreak', [shift.breakReason ?? '', since]);
    if (shift.status === 'wrap-up') {
      return typeof shift.wrapUpUntil === 'number'
        ? t('agentStatusWrapUp', [clock(shift.wrapUpUntil - now())])
        : t('agentStatusWrapUpUntilSaved');
    }
    return t('agentStatusReady', [since]);
  };

  return (
    <section class="agent-status" aria-label={t('agentStatusLabel')}>
      <p
        class={`status-line ${props.shift.status}`}
        data-testid="agent-status"
        data-state={props.shift.status}
        role="status"
      >
        {text()}
      </p>
      <Show
        when={props.shift.status === 'break'}
        fallback={
          <Show when={props.reasons.length > 0 && !props.inCall}>
            <button
              type="button"
              class="secondary"
              aria-expanded={choosing()}
              aria-controls="break-reasons"
              disabled={props.busy}
              onClick={() => setChoosing(!choosing())}
            >
              {t('takeBreakButton')}
            </button>
            <Show when={choosing()}>
              <div
                id="break-reasons"
                class="break-reasons"
                role="group"
                aria-label={t('breakReasonsLabel')}
              >
                <For each={props.reasons}>
                  {(reason) => (
                    <button
                      type="button"
                      class="secondary"
                      disabled={props.busy}
                      onClick={() => {
                        setChoosing(false);
                        props.onBreak(reason);
                      }}
                    >
                      {reason}
                    </button>
                  )}
                </For>
              </div>
            </Show>
          </Show>
        }
      >
        <button
          type="button"
          class="primary"
          disabled={props.busy}
          onClick={() => props.onResume()}
        >
          {t('backToWorkButton')}
        </button>
      </Show>
    </section>
  );
}
