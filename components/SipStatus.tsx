import type { ErrorInfo } from '@/utils/errors';
import { t, type MessageKey } from '@/utils/i18n';
import type { SipState } from '@/utils/messages';

const LABELS: Record<SipState, MessageKey> = {
  connecting: 'sipStateConnecting',
  registered: 'sipStateRegistered',
  unregistered: 'sipStateUnregistered',
  error: 'sipStateError',
};

/**
 * The phone's registration state in words, with its machine-readable state for tests and styling.
 * Where uContact's queues decide whether calls come (the agent status says ready or on a break),
 * a registered phone is only "connected": "ready for calls" beside "on a break" would contradict it.
 */
export function SipStatus(props: { state: SipState; error?: ErrorInfo; queues?: boolean }) {
  return (
    <p class="sip-status" data-testid="sip-status" data-state={props.state} role="status">
      <span class="sip-status-dot" aria-hidden="true" />
      <span>
        {t(
          props.queues && props.state === 'registered'
            ? 'sipStatePhoneConnected'
            : LABELS[props.state],
        )}
        {props.error ? ` — ${t(props.error.key, props.error.substitutions)}` : ''}
      </span>
    </p>
  );
}
