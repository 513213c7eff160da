import { createSignal, For, Show } from 'solid-js';
import type { ErrorInfo } from '@/utils/errors';
import { t } from '@/utils/i18n';
import { parseBlockedPattern } from '@/utils/phone-numbers/blocked-numbers';
import { ErrorAlert } from './ErrorAlert';
import { SettingField } from './SettingField';

/**
 * The numbers no call may go to: the organization's entries (listed, not removable) and the
 * agent's own, which they add and remove here. Locked by policy, the organization's list is all.
 */
export function BlockedNumbers(props: {
  /** Every entry in force: the policy's, then the agent's. */
  entries: string[];
  /** The policy's entries, which the agent cannot remove. */
  policy: string[];
  locked: boolean;
  /** Saves the agent's own entries (the policy's apply whatever this holds). */
  save: (own: string[]) => void;
}) {
  const [typed, setTyped] = createSignal('');
  const [error, setError] = createSignal<ErrorInfo>();
  const own = () => props.entries.filter((entry) => !props.policy.includes(entry));
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const entry = typed().trim();
    try {
      parseBlockedPattern(entry);
    } catch {
      setError({ key: 'errorBlockedPatternInvalid', substitutions: [] });
      return;
    }
    setError(undefined);
    setTyped('');
    if (!props.entries.includes(entry)) props.save([...own(), entry]);
  };
  return (
    <section class="card" aria-labelledby="blocked-numbers-title">
      <h2 id="blocked-numbers-title">{t('blockedNumbersTitle')}</h2>
      <p class="hint">{t('blockedNumbersHelp')}</p>
      <Show when={props.entries.length > 0} fallback={<p>{t('blockedNumbersNone')}</p>}>
        <ul class="sites" data-testid="blocked-numbers">
          <For each={props.entries}>
            {(entry) => (
              <li>
                <span dir="ltr">{entry}</span>
                <Show
                  when={!props.policy.includes(entry)}
                  fallback={
                    <span class="hint managed-tag" data-testid="set-by-organization">
                      {t('settingSetByOrganization')}
                    </span>
                  }
                >
                  <button
                    type="button"
                    class="secondary"
                    disabled={props.locked}
                    aria-label={t('blockedNumberRemove', [entry])}
                    onClick={() => props.save(own().filter((other) => other !== entry))}
                  >
                    {t('blockedNumberUnblock')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="blocked-number-add" onSubmit={add}>
        <SettingField id="blocked-number" label={t('blockedNumberLabel')} locked={props.locked}>
          {(control) => (
            <input
              {...control}
              type="text"
              inputmode="tel"
              autocomplete="off"
              dir="ltr"
              placeholder="+1 900*"
              aria-invalid={error() ? 'true' : undefined}
              value={typed()}
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
          )}
        </SettingField>
        <button class="secondary" type="submit" disabled={props.locked || !typed().trim()}>
          {t('blockedNumberAddButton')}
        </button>
      </form>
      <ErrorAlert error={error()} />
    </section>
  );
}
