import { createSignal, onMount } from 'solid-js';
import type { ErrorInfo } from '@/utils/errors';
import { t } from '@/utils/i18n';
import type { LoginRequest } from '@/utils/messages';
import { ErrorAlert } from './ErrorAlert';
import { ManagedNote } from './ManagedNote';

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
      <div class="field">
        <label for="instance">{t('instanceLabel')}</label>
        <input
          id="instance"
          ref={instanceInput}
          name="instance"
          type="text"
          autocomplete="organization"
          autocapitalize="off"
          spellcheck={false}
          placeholder="acme"
          aria-describedby="instance-hint"
          value={instance()}
          disabled={props.initial.locked.includes('instance')}
          onInput={(event) => setInstance(event.currentTarget.value)}
          required
        />
        <p class="hint" id="instance-hint">
          {t('instanceHint')}
        </p>
        <ManagedNote locked={props.initial.locked.includes('instance')} />
      </div>
      <div class="field">
        <label for="agent">{t('agentLabel')}</label>
        <input
          id="agent"
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
      </div>
      <div class="field">
        <label for="password">{t('passwordLabel')}</label>
        <input
          id="password"
          ref={passwordInput}
          name="password"
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={(event) => setPassword(event.currentTarget.value)}
          required
        />
      </div>
      <details class="advanced" open={!!props.initial.sipServer}>
        <summary>{t('advancedLabel')}</summary>
        <div class="field">
          <label for="sip-server">{t('sipServerLabel')}</label>
          <input
            id="sip-server"
            name="sip-server"
            type="url"
            autocomplete="off"
            spellcheck={false}
            placeholder="wss://pbx.example.com:8089/ws"
            aria-describedby="sip-server-hint"
            value={sipServer()}
            disabled={props.initial.locked.includes('sipServer')}
            onInput={(event) => setSipServer(event.currentTarget.value)}
          />
          <p class="hint" id="sip-server-hint">
            {t('sipServerHint')}
          </p>
          <ManagedNote locked={props.initial.locked.includes('sipServer')} />
        </div>
      </details>
      <ErrorAlert error={props.error} />
      <button class="primary" type="submit" disabled={props.busy}>
        {props.busy ? t('loggingIn') : t('loginButton')}
      </button>
    </form>
  );
}
