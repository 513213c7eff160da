import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { t } from '@/utils/i18n';
import type { ResultDue } from '@/utils/shift/shift-state';
import { ErrorAlert } from './ErrorAlert';

/** One choice of a campaign's result tree (`Level 1 > Level 2 > Level 3`). */
export interface ResultOption {
  label: string;
  children: ResultOption[];
}

export interface CallResultInput {
  levels: [string, string, string];
  comment: string;
  /** `YYYY-MM-DD HH:MI:SS`, or empty. */
  schedule: string;
}

/** `2026-12-04T10:30` (a datetime-local value) as uContact's `2026-12-04 10:30:00`. */
function scheduleFrom(local: string): string {
  return local ? `${local.replace('T', ' ')}${local.length === 16 ? ':00' : ''}` : '';
}

/**
 * The result of a finished campaign call (uContact's DispositionCall): up to three levels from
 * the campaign's tree, a comment and an optional callback. A result that failed to save stays
 * here with its reason until saving works.
 */
export function CallResultForm(props: {
  due: ResultDue;
  options: ResultOption[];
  busy: boolean;
  onSave: (input: CallResultInput) => void;
}) {
  const id = createUniqueId();
  const [l1, setL1] = createSignal('');
  const [l2, setL2] = createSignal('');
  const [l3, setL3] = createSignal('');
  const [comment, setComment] = createSignal('');
  const [callback, setCallback] = createSignal('');
  const level2 = createMemo(() => props.options.find((o) => o.label === l1())?.children ?? []);
  const level3 = createMemo(() => level2().find((o) => o.label === l2())?.children ?? []);

  const select = (
    label: string,
    key: string,
    options: () => ResultOption[],
    value: () => string,
    set: (value: string) => void,
  ) => (
    <div class="field">
      <label for={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={value()}
        onChange={(event) => set(event.currentTarget.value)}
      >
        <option value="">{t('resultChoose')}</option>
        <For each={options()}>
          {(option) => <option value={option.label}>{option.label}</option>}
        </For>
      </select>
    </div>
  );

  return (
    <form
      class="call-result"
      data-testid="disposition"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave({
          levels: [l1(), l2(), l3()],
          comment: comment().trim(),
          schedule: scheduleFrom(callback()),
        });
      }}
    >
      <h2 id={`${id}-title`}>{t('resultTitle', [props.due.display || props.due.number])}</h2>
      <p class="hint">{t('resultCampaign', [props.due.campaign])}</p>
      {select(
        t('resultLabel'),
        'l1',
        () => props.options,
        l1,
        (value) => {
          setL1(value);
          setL2('');
          setL3('');
        },
      )}
      <Show when={level2().length > 0}>
        {select(t('resultDetailLabel'), 'l2', level2, l2, (value) => {
          setL2(value);
          setL3('');
        })}
      </Show>
      <Show when={level3().length > 0}>
        {select(t('resultSubDetailLabel'), 'l3', level3, l3, setL3)}
      </Show>
      <div class="field">
        <label for={`${id}-comment`}>{t('resultCommentLabel')}</label>
        <textarea
          id={`${id}-comment`}
          rows="2"
          maxlength="500"
          value={comment()}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${id}-callback`}>{t('resultCallbackLabel')}</label>
        <input
          id={`${id}-callback`}
          type="datetime-local"
          value={callback()}
          onInput={(event) => setCallback(event.currentTarget.value)}
        />
      </div>
      <Show when={props.due.error}>
        <ErrorAlert error={props.due.error} />
        <p class="hint">{t('resultKeptHint')}</p>
      </Show>
      <button type="submit" class="primary" disabled={props.busy || !l1()}>
        {t('saveResultButton')}
      </button>
    </form>
  );
}
