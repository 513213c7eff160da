import { Match, Switch } from 'solid-js';
import { t } from '@/utils/i18n';
import type { SessionStore } from '@/utils/popup/session-store';
import { AgentCard } from './AgentCard';
import { ErrorAlert } from './ErrorAlert';
import { LoginForm } from './LoginForm';
import { SipStatus } from './SipStatus';

/** The toolbar popup: the login form, or who is logged in and the phone's state. */
export function Popup(props: { store: SessionStore }) {
  const store = props.store;
  return (
    <main class="popup">
      <header class="brand">
        <img src="/icon/32.png" width="20" height="20" alt="" />
        <span>{t('extName')}</span>
      </header>
      <Switch fallback={<div class="loading" aria-busy="true" />}>
        <Match when={store.loggedOut()}>
          {(view) => (
            <LoginForm
              initial={{
                instance: view().lastInstance,
                agent: view().lastAgent,
                sipServer: view().lastSipServer,
              }}
              busy={store.busy() === 'login'}
              error={store.error()}
              onSubmit={(input) => void store.login(input)}
            />
          )}
        </Match>
        <Match when={store.loggedIn()}>
          {(view) => (
            <section class="session">
              <AgentCard
                fullName={view().fullName}
                extension={view().extension}
                instanceOrigin={view().instanceOrigin}
              />
              <SipStatus state={view().sip.state} error={view().sip.error} />
              <ErrorAlert error={store.error()} />
              <button
                class="secondary"
                type="button"
                disabled={store.busy() === 'logout'}
                onClick={() => void store.logout()}
              >
                {store.busy() === 'logout' ? t('loggingOut') : t('logoutButton')}
              </button>
            </section>
          )}
        </Match>
      </Switch>
    </main>
  );
}
