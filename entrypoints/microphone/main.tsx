import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { MicrophonePage } from '@/components/MicrophonePage';
import { debugLog } from '@/utils/debug-log';
import { askMicrophoneOnce, createMicrophoneStore } from '@/utils/options/microphone-store';
import {
  connectMicrophonePage,
  type MicrophonePageConnection,
} from '@/utils/microphone-page/microphone-page';
import '@/components/theme.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = `${browser.i18n.getMessage('extName')} — ${browser.i18n.getMessage('microphonePageTitle')}`;
const [connection, setConnection] = createSignal<MicrophonePageConnection>();
const connected = connectMicrophonePage(setConnection).catch((error: unknown) => {
  debugLog('microphone page', error);
  setConnection({ connected: false, prepared: false, inUse: false });
  return undefined;
});
render(() => {
  // "Allow microphone" here captures for the phone and keeps it (see microphone-page.ts).
  const microphone = createMicrophoneStore(async () => {
    const page = await connected;
    await (page ? page.prepare() : askMicrophoneOnce());
  });
  return <MicrophonePage microphone={microphone} connection={connection()} />;
}, document.getElementById('app')!);
