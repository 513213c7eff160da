import { createSignal, For, onCleanup, Show } from 'solid-js';
import { t, type MessageKey } from '@/utils/i18n';
import type { CallState, CallView } from '@/utils/sip/phone-state';

const STATE_LABELS: Record<CallState, MessageKey> = {
  dialing: 'callStateDialing',
  ringing: 'callStateRinging',
  established: 'callStateEstablished',
  held: 'callStateHeld',
  ended: 'callStateEnded',
  failed: 'callStateFailed',
};
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export interface CallPanelProps {
  call: CallView;
  onHangup: () => void;
  onAnswer: () => void;
  onDecline: () => void;
  onMute: (muted: boolean) => void;
  onHold: (held: boolean) => void;
  onDigit: (digit: string) => void;
  /** Blind transfer; resolves true when it went through. */
  onTransfer: (target: string) => Promise<boolean>;
}

/** The live call: who, how long, and the controls an agent needs without looking. */
export function CallPanel(props: CallPanelProps) {
  const [now, setNow] = createSignal(Date.now());
  const [keypad, setKeypad] = createSignal(false);
  const [transferring, setTransferring] = createSignal(false);
  const [target, setTarget] = createSignal('');
  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));

  const live = () => props.call.state === 'established' || props.call.state === 'held';
  const incomingRinging = () =>
    props.call.direction === 'incoming' && props.call.state === 'ringing';
  const finished = () => props.call.state === 'ended' || props.call.state === 'failed';
  const duration = () => {
    const from = props.call.connectedAt;
    if (!from) return '';
    const seconds = Math.max(0, Math.floor(((props.call.endedAt ?? now()) - from) / 1000));
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  };

  return (
    <section class="call-panel" aria-label={t('callPanelLabel')}>
      <p class="call-party">
        <span class="call-name">{props.call.name || props.call.number}</span>
        <Show when={props.call.name && props.call.name !== props.call.number}>
          <span class="call-number">{props.call.number}</span>
        </Show>
      </p>
      <p class="call-status" data-testid="call-status" data-state={props.call.state} role="status">
        {incomingRinging() ? t('incomingCallTitle') : t(STATE_LABELS[props.call.state])}
        <Show when={duration()}>
          <span class="call-timer"> · {duration()}</span>
        </Show>
        <Show when={props.call.error}>
          {(error) => <span> — {t(error().key, error().substitutions)}</span>}
        </Show>
      </p>
      <Show when={incomingRinging()}>
        <div class="call-actions two">
          <button class="primary answer" type="button" onClick={() => props.onAnswer()}>
            {t('answerButton')}
          </button>
          <button class="danger" type="button" onClick={() => props.onDecline()}>
            {t('declineButton')}
          </button>
        </div>
      </Show>
      <Show when={live()}>
        <div class="call-actions">
          <button
            type="button"
            class="secondary"
            aria-pressed={props.call.muted}
            onClick={() => props.onMute(!props.call.muted)}
          >
            {props.call.muted ? t('unmuteButton') : t('muteButton')}
          </button>
          <button
            type="button"
            class="secondary"
            aria-pressed={props.call.held}
            onClick={() => props.onHold(!props.call.held)}
          >
            {props.call.held ? t('resumeButton') : t('holdButton')}
          </button>
          <button
            type="button"
            class="secondary"
            aria-expanded={keypad()}
            aria-controls="keypad"
            onClick={() => setKeypad(!keypad())}
          >
            {t('keypadButton')}
          </button>
        </div>
        <button
          type="button"
          class="secondary"
          aria-expanded={transferring()}
          aria-controls="transfer"
          onClick={() => setTransferring(!transferring())}
        >
          {t('transferButton')}
        </button>
        <Show when={transferring()}>
          <form
            class="transfer"
            id="transfer"
            onSubmit={async (event) => {
              event.preventDefault();
              if (target().trim() && (await props.onTransfer(target().trim())))
                setTransferring(false);
            }}
          >
            <label for="transfer-target" class="visually-hidden">
              {t('transferTargetLabel')}
            </label>
            <input
              id="transfer-target"
              type="tel"
              autocomplete="off"
              placeholder={t('transferTargetLabel')}
              value={target()}
              onInput={(event) => setTarget(event.currentTarget.value)}
            />
            <button type="submit" class="primary" disabled={!target().trim()}>
              {t('transferConfirm')}
            </button>
          </form>
        </Show>
        <Show when={keypad()}>
          <div class="keypad" id="keypad" role="group" aria-label={t('keypadButton')}>
            <For each={KEYS}>
              {(key) => (
                <button type="button" class="secondary key" onClick={() => props.onDigit(key)}>
                  {key}
                </button>
              )}
            </For>
          </div>
        </Show>
      </Show>
      <Show when={!finished() && !incomingRinging()}>
        <button class="danger hangup" type="button" onClick={() => props.onHangup()}>
          {t('hangupButton')}
        </button>
      </Show>
    </section>
  );
}
