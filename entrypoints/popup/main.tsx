import { render } from 'solid-js/web';
import { Popup } from '@/components/Popup';
import { resolveDefaultCountry } from '@/utils/phone-numbers/default-country';
import { dialPreview } from '@/utils/dial-plan/dial-preview';
import { sanitizeDialString } from '@/utils/phone-numbers/dial-string';
import { createCurrentSite } from '@/utils/popup/current-site';
import { createSessionStore } from '@/utils/popup/session-store';
import { historyItem } from '@/utils/storage';
import { readSettings, updateSettings, watchSettings } from '@/utils/settings/read-settings';
import { createSignal } from 'solid-js';
import '@/components/theme.css';

document.documentElement.lang = browser.i18n.getUILanguage();
const [settings, setSettings] = createSignal(await readSettings());
watchSettings(setSettings);
const country = resolveDefaultCountry(settings().defaultCountry);
const [history, setHistory] = createSignal(await historyItem.getValue());
historyItem.watch((next) => setHistory(next ?? []));
render(() => {
  // Created once, here: a JSX attribute is a getter in Solid and would create one per read.
  const store = createSessionStore();
  const site = createCurrentSite();
  return (
    <Popup
      store={store}
      site={site}
      toDialString={(typed) => sanitizeDialString(typed, country)}
      toDialPreview={(typed) => dialPreview(typed, { country, dialPlan: settings().dialPlan })}
      history={history}
      settings={settings}
      onCampaign={(campaign) => void updateSettings({ campaign })}
    />
  );
}, document.getElementById('app')!);
