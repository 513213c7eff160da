import { createSignal, onMount } from 'solid-js';
import type { ErrorInfo } from '@/utils/errors';
import { t } from '@/utils/i18n';
import type { LoginRequest } from '@/utils/messages';
import { ErrorAlert } from './ErrorAlert';
import { SettingField } from './SettingField';

export interface LoginFormProps {
  initial: {
    instance: string;
    agent: string;
    sipServer: string;
    /** Set and locked by an administrator: shown, not editable. */
    locked: ('instance' | 'sipServer')[];
  };
  busy: boolean;
  error: ErrorInfo | undefined;
  onSubmit: (input: LoginRequest) => void;
}

/** The AgentLogin form. Keeps what was typed when a login fails, so nothing has to be retyped. */
export function LoginForm(props: LoginFormProps) {
  const [instance, setInstance] = createSignal(props.initial.instance);
  const [agent, setAgent] = createSignal(props.initial.agent);
  const [password, setPassword] = createSignal('');
  const [sipServer, setSipServer] = createSignal(props.initial.sipServer);
  let instanceInput!: HTMLInputElement;
  let agentInput!: HTMLInputElement;
  let passwordInput!: HTMLInputElement;

  onMount(() => {
    const firstEmpty = !instance() ? instanceInput : !agent() ? agentInput : passwordInput;
    firstEmpty.focus();
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (props.busy) return;
    props.onSubmit({
      instance: instance(),
      agent: agent(),
      password: password(),
      sipServer: sipServer(),
    });
  };

  return (
    <form class="login" onSubmit={submit} aria-busy={props.busy} novalidate>
      <h1>{t('loginTitle')}</h1>
      <p class="intro">{t('loginIntro')}</p>
      <SettingField
        id="instance"
        label={t('instanceLabel')}
        hint={t('instanceHint')}
        locked={props.initial.locked.includes('instance')}
      >
        {(control) => (
          <input
            {...control}
            ref={instanceInput}
            name="instance"
            type="text"
            autocomplete="organization"
            autocapitalize="off"
            spellcheck={false}
            placeholder="acme"
            value={instance()}
            onInput={(event) => setInstance(event.currentTarget.value)}
            required
          />
        )}
      </SettingField>
      <SettingField id="agent" label={t('agentLabel')}>
        {(control) => (
          <input
            {...control}
            ref={agentInput}
            name="agent"
            type="text"
            autocomplete="username"
            autocapitalize="off"
            spellcheck={false}
            value={agent()}
            onInput={(event) => setAgent(event.currentTarget.value)}
            required
          />
        )}
      </SettingField>
      <SettingField id="password" label={t('passwordLabel')}>
        {(control) => (
          <input
            {...control}
            ref={passwordInput}
            name="password"
            type="password"
            autocomplete="current-password"
            value={password()}
            onInput={(event) => setPassword(event.currentTarget.value)}
            required
          />
        )}
      </SettingField>
      <details class="advanced" open={!!props.initial.sipServer}>
        <summary>{t('advancedLabel')}</summary>
        <SettingField
          id="sip-server"
          label={t('sipServerLabel')}
          hint={t('sipServerHint')}
          locked={props.initial.locked.includes('sipServer')}
        >
          {(control) => (
            <input
              {...control}
              name="sip-server"
              type="url"
              autocomplete="off"
              spellcheck={false}
              placeholder="wss://pbx.example.com:8089/ws"
              value={sipServer()}
              onInput={(event) => setSipServer(event.currentTarget.value)}
            />
          )}
        </SettingField>
      </details>
      <ErrorAlert error={props.error} />
      <button class="primary" type="submit" disabled={props.busy}>
        {props.busy ? t('loggingIn') : t('loginButton')}
      </button>
    </form>
  );
}
