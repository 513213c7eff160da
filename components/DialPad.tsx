import { createSignal, Show } from 'solid-js';
import { t } from '@/utils/i18n';

/** Type a number and call it. Enter in the field calls too. */
export function DialPad(props: {
  disabled: boolean;
  onCall: (number: string) => Promise<boolean>;
  /** What will really be dialled for the typed text (the house dial plan), when it differs. */
  preview?: (typed: string) => string | null;
  /** The agent is about to call (typing, focus, pointer on Call): the phone prepares its media. */
  onIntent?: () => void;
}) {
  const [number, setNumber] = createSignal('');
  let input!: HTMLInputElement;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (!number().trim() || props.disabled) return;
    if (await props.onCall(number())) setNumber('');
    input.focus();
  };
  return (
    <form class="dial-pad" onSubmit={submit}>
      <label for="dial-number" class="visually-hidden">
        {t('numberLabel')}
      </label>
      <input
        id="dial-number"
        ref={input}
        type="tel"
        inputmode="tel"
        autocomplete="off"
        placeholder={t('numberLabel')}
        value={number()}
        onFocus={() => props.onIntent?.()}
        onInput={(event) => {
          setNumber(event.currentTarget.value);
          props.onIntent?.();
        }}
      />
      <button
        class="primary call"
        type="submit"
        disabled={props.disabled || !number().trim()}
        onPointerEnter={() => props.onIntent?.()}
      >
        {t('callButton')}
      </button>
      <Show when={props.preview?.(number())}>
        {(target) => (
          <p class="hint dial-preview" data-testid="dial-preview">
            {t('dialPreview', [target()])}
          </p>
        )}
      </Show>
    </form>
  );
}
