import { For } from 'solid-js';
import { t } from '@/utils/i18n';
import type { ExtensionDescription } from '@/utils/options/describe-extension';

/** The extension's name, version and privacy in short, last on the options page. */
export function AboutSection(props: { about: ExtensionDescription }) {
  return (
    <section id="about" class="card" aria-labelledby="about-title">
      <h2 id="about-title">{t('aboutTitle')}</h2>
      <p data-testid="about-version">
        {props.about.name} · {t('aboutVersion', [props.about.version])}
      </p>
      <ul>
        <For each={props.about.privacy}>{(sentence) => <li>{sentence}</li>}</For>
      </ul>
      <p class="hint">{props.about.privacyFull}</p>
    </section>
  );
}
