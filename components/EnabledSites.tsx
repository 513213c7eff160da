import { For, Show } from 'solid-js';
import { crmDisplayNames } from '@/utils/crm/registry';
import { formatList, t } from '@/utils/i18n';

/** Sites beyond the built-in CRMs where the agent turned click-to-call on, each revocable. */
export function EnabledSites(props: { sites: string[]; onRevoke: (origin: string) => void }) {
  return (
    <section class="card" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('enabledSitesTitle')}</h2>
      <p class="hint">{t('enabledSitesHint', [formatList(crmDisplayNames())])}</p>
      <Show when={props.sites.length > 0} fallback={<p>{t('enabledSitesEmpty')}</p>}>
        <ul class="sites">
          <For each={props.sites}>
            {(origin) => (
              <li>
                <span>{origin}</span>
                <button
                  type="button"
                  class="secondary"
                  aria-label={t('revokeSiteLabel', [origin])}
                  onClick={() => props.onRevoke(origin)}
                >
                  {t('revokeSite')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
