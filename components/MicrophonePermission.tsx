import { Match, Show, Switch } from 'solid-js';
import { t } from '@/utils/i18n';
import type { MicrophoneStore } from '@/utils/options/microphone-store';

/** Where the microphone permission stands, and the button that asks for it. */
export function MicrophonePermission(props: { microphone: MicrophoneStore }) {
  const mic = props.microphone;
  return (
    <>
      <p class="mic-state" data-testid="microphone-state" data-state={mic.state()} role="status">
        <Switch>
          <Match when={mic.state() === 'granted'}>{t('microphoneGranted')}</Match>
          <Match when={mic.state() === 'denied'}>{t('microphoneDenied')}</Match>
          <Match when={mic.state() === 'unavailable'}>{t('microphoneUnavailable')}</Match>
          <Match when={mic.state() === 'once'}>{t('microphoneOnce')}</Match>
          <Match when={true}>{t('microphonePrompt')}</Match>
        </Switch>
      </p>
      <Show when={import.meta.env.FIREFOX && mic.state() !== 'granted'}>
        <p class="hint">{t('microphoneFirefoxRemember')}</p>
      </Show>
      <Show when={mic.state() !== 'granted'}>
        <button
          class="primary"
          type="button"
          disabled={mic.asking()}
          onClick={() => void mic.ask()}
        >
          {t('microphoneAllow')}
        </button>
      </Show>
      <Show when={mic.state() === 'denied'}>
        <p class="hint">{t('microphoneBlockedHelp')}</p>
      </Show>
    </>
  );
}
