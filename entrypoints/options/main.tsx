import { render } from 'solid-js/web';
import { OptionsPage } from '@/components/OptionsPage';
import { createMicrophoneStore } from '@/utils/options/microphone-store';
import { createSettingsStore } from '@/utils/options/settings-store';
import '@/components/theme.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = `${browser.i18n.getMessage('extName')} — ${browser.i18n.getMessage('optionsTitle')}`;
render(() => {
  // Created once, here: a JSX attribute is a getter in Solid and would create one per read.
  const microphone = createMicrophoneStore();
  const settings = createSettingsStore();
  return <OptionsPage microphone={microphone} settings={settings} />;
}, document.getElementById('app')!);
