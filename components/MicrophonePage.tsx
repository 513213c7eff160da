import { Show } from 'solid-js';
import { t } from '@/utils/i18n';
import type { MicrophoneStore } from '@/utils/options/microphone-store';
import type { MicrophonePageConnection } from '@/utils/microphone-page/microphone-page';
import { MicrophonePermission } from './MicrophonePermission';

/**
 * Firefox's microphone tab: says why it is open, whether a call is using the microphone, and asks
 * for the permission when Firefox has not remembered it.
 */
export function MicrophonePage(props: {
  microphone: MicrophoneStore;
  connection: MicrophonePageConnection | undefined;
}) {
  const inUse = () => props.connection?.inUse ?? false;
  return (
    <main class="options">
      <header class="brand">
        <img src="/icon/32.png" width="24" height="24" alt="" />
        <h1>{t('microphonePageTitle')}</h1>
      </header>
      <section class="card" aria-labelledby="microphone-page-title">
        <h2 id="microphone-page-title">{t('microphoneTitle')}</h2>
        <p>{t('microphonePageWhy')}</p>
        <p
          class="mic-state"
          data-testid="microphone-page"
          data-connected={String(props.connection?.connected ?? false)}
          data-prepared={String(props.connection?.prepared ?? false)}
          data-in-use={String(inUse())}
          role="status"
        >
          <Show
            when={props.connection?.connected !== false}
            fallback={t('microphonePageNotConnected')}
          >
            {inUse()
              ? t('microphonePageInUse')
              : props.connection?.prepared
                ? t('microphonePageIdle')
                : t('microphonePagePreparing')}
          </Show>
        </p>
        <MicrophonePermission microphone={props.microphone} />
      </section>
    </main>
  );
}
