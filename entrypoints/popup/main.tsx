import { render } from 'solid-js/web';
import { Popup } from '@/components/Popup';
import { createSessionStore } from '@/utils/popup/session-store';
import '@/components/theme.css';

document.documentElement.lang = browser.i18n.getUILanguage();
render(() => <Popup store={createSessionStore()} />, document.getElementById('app')!);
