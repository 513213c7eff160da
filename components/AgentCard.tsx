import { t } from '@/utils/i18n';

/** Who is logged in: name, extension and instance. */
export function AgentCard(props: { fullName: string; extension: string; instanceOrigin: string }) {
  const initials = () =>
    props.fullName
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase())
      .join('');
  const host = () => new URL(props.instanceOrigin).host;
  return (
    <section class="agent-card" aria-label={props.fullName}>
      <div class="avatar" aria-hidden="true">
        {initials()}
      </div>
      <div class="agent-text">
        <p class="agent-name" data-testid="agent-name">
          {props.fullName}
        </p>
        <p class="agent-meta">
          <span data-testid="agent-extension">{t('extensionLabel', [props.extension])}</span>
          <span title={t('instanceShort')}>{host()}</span>
        </p>
      </div>
    </section>
  );
}
