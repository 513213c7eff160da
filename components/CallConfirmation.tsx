import { createUniqueId, For, onMount } from 'solid-js';
import type { MessageKey } from '@/utils/i18n';
import { t } from '@/utils/i18n';
import type { ConfirmReason, DialConfirmation } from '@/utils/messages';

const REASON_TEXT: Record<ConfirmReason, MessageKey> = {
  'link-text': 'confirmReasonLinkText',
  selection: 'confirmReasonSelection',
  'premium-rate': 'confirmReasonPremiumRate',
  'shared-cost': 'confirmReasonSharedCost',
};

/**
 * A call waiting for the agent's yes: the number large, why it waits, and the two answers. Focus
 * starts on "Don't call" (the answer that costs nothing, as an alert dialog should) and stays
 * between the two buttons; Escape is "Don't call".
 */
export function CallConfirmation(props: {
  confirmation: DialConfirmation;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = createUniqueId();
  const reasonsId = createUniqueId();
  let cancel!: HTMLButtonElement;
  let confirm!: HTMLButtonElement;
  // Shown, not only set: the focus moved without a key press, and the agent should see where it is.
  onMount(() => cancel.focus({ focusVisible: true } as FocusOptions));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    } else if (event.key === 'Tab') {
      // Two buttons: Tab and Shift+Tab go from one to the other.
      event.preventDefault();
      (document.activeElement === confirm ? cancel : confirm).focus();
    }
  };
  return (
    <section
      class="confirmation"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={reasonsId}
      data-testid="call-confirmation"
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId} class="confirmation-title">
        {t('confirmCallTitle')}
      </h2>
      <p class="confirmation-number" dir="ltr" data-testid="confirmation-number">
        {props.confirmation.number}
      </p>
      <ul id={reasonsId} class="confirmation-reasons">
        <For each={props.confirmation.reasons}>
          {(reason) => <li data-reason={reason}>{t(REASON_TEXT[reason])}</li>}
        </For>
      </ul>
      <div class="confirmation-actions">
        <button
          ref={confirm}
          class="primary"
          type="button"
          disabled={props.busy}
          onClick={() => props.onConfirm()}
        >
          {t('confirmCallButton')}
        </button>
        <button
          ref={cancel}
          class="secondary"
          type="button"
          disabled={props.busy}
          onClick={() => props.onCancel()}
        >
          {t('confirmCancelButton')}
        </button>
      </div>
    </section>
  );
}
