import { createSignal, Show } from 'solid-js';
import { parseDialPlan, type DialPlanRules } from '@/utils/dial-plan/dial-plan-rules';
import { dialPreview } from '@/utils/dial-plan/dial-preview';
import { AppError, toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { ErrorAlert } from './ErrorAlert';
import { SettingField } from './SettingField';

/**
 * The house dial plan as its JSON rules: checked as a whole before it is saved (an invalid plan is
 * refused with its reason, never half-applied), with a preview of what a number will dial.
 */
export function DialPlanEditor(props: {
  rules: DialPlanRules | null;
  locked: boolean;
  save: (rules: DialPlanRules | null) => Promise<void>;
}) {
  const [text, setText] = createSignal(props.rules ? JSON.stringify(props.rules, null, 2) : '');
  const [error, setError] = createSignal<ErrorInfo>();
  const [saved, setSaved] = createSignal(false);
  const [sample, setSample] = createSignal('');

  // The saved plan, read in its own home country: the tester answers for the plan, not the agent.
  const preview = () =>
    dialPreview(sample(), {
      country: props.rules?.homeCountry,
      dialPlan: props.rules,
      evenIfUnchanged: true,
    });

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      let rules: DialPlanRules | null = null;
      if (text().trim()) {
        let raw: unknown;
        try {
          raw = JSON.parse(text());
        } catch (cause) {
          throw new AppError('dialPlanJsonInvalid', [], { cause });
        }
        parseDialPlan(raw);
        rules = raw as DialPlanRules;
      }
      await props.save(rules);
      setSaved(true);
    } catch (failure) {
      setError(toErrorInfo(failure));
    }
  };

  return (
    <section class="card" aria-labelledby="dial-plan-title">
      <h2 id="dial-plan-title">{t('dialPlanTitle')}</h2>
      <p class="hint">{t('dialPlanHint')}</p>
      <form onSubmit={submit}>
        <SettingField id="dial-plan" label={t('dialPlanLabel')} locked={props.locked}>
          {(control) => (
            <textarea
              {...control}
              rows="6"
              spellcheck={false}
              placeholder='{ "homeCountry": "UY", "outsideLinePrefix": "9" }'
              value={text()}
              onInput={(event) => setText(event.currentTarget.value)}
            />
          )}
        </SettingField>
        <ErrorAlert error={error()} />
        <Show when={saved()}>
          <p class="hint" role="status">
            {t('dialPlanSaved')}
          </p>
        </Show>
        <button type="submit" class="secondary" disabled={props.locked}>
          {t('dialPlanSave')}
        </button>
      </form>
      <SettingField id="dial-plan-sample" label={t('dialPlanTestLabel')}>
        {(control) => (
          <>
            <input
              {...control}
              type="tel"
              autocomplete="off"
              value={sample()}
              onInput={(event) => setSample(event.currentTarget.value)}
            />
            <Show when={preview()}>
              {(target) => (
                <p class="hint" data-testid="dial-plan-preview">
                  {t('dialPreview', [target()])}
                </p>
              )}
            </Show>
          </>
        )}
      </SettingField>
    </section>
  );
}
