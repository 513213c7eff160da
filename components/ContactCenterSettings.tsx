import { createEffect, createSignal, For, on, Show, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { t } from '@/utils/i18n';
import {
  breakReasonsFromText,
  breakReasonsText,
  campaignRows,
  campaignsFromRows,
  dispositionsFromText,
  dispositionsText,
  wrapUpSecondsFromText,
  type CampaignRow,
} from '@/utils/options/contact-center-text';
import type { Campaign, Settings } from '@/utils/settings/settings';
import { ErrorAlert } from './ErrorAlert';
import { SettingField, SettingGroup, type FieldControl } from './SettingField';

type Save = (patch: Partial<Settings>) => Promise<void>;

/**
 * How the agent works with uContact's campaigns: call routing, the campaigns, break reasons, call
 * results and wrap-up time. Each is saved when it changes, as the other settings are; a value
 * that fails its check is refused whole, with the reason beside it, and nothing is saved.
 */
export function ContactCenterSettings(props: {
  settings: Settings;
  locked: ReadonlySet<keyof Settings>;
  save: Save;
}) {
  const isLocked = (key: keyof Settings) => props.locked.has(key);
  const campaignNames = () => props.settings.campaigns.map((campaign) => campaign.name);
  return (
    <section class="card" aria-labelledby="contact-center-title">
      <h2 id="contact-center-title">{t('contactCenterTitle')}</h2>
      <p class="hint">{t('contactCenterHint')}</p>
      <SettingField
        id="call-routing"
        label={t('callRoutingLabel')}
        hint={t('callRoutingHint')}
        locked={isLocked('callRouting')}
      >
        {(control) => (
          <>
            <select
              {...control}
              value={props.settings.callRouting}
              onChange={(event) =>
                void props.save({
                  callRouting: event.currentTarget.value as Settings['callRouting'],
                })
              }
            >
              <option value="campaign">{t('callRoutingCampaign')}</option>
              <option value="direct">{t('callRoutingDirect')}</option>
            </select>
            <Show
              when={props.settings.callRouting === 'campaign' && !props.settings.campaigns.length}
            >
              <p class="hint" role="status">
                {t('callRoutingNeedsCampaign')}
              </p>
            </Show>
          </>
        )}
      </SettingField>
      <CampaignsEditor
        campaigns={props.settings.campaigns}
        locked={isLocked('campaigns')}
        save={(campaigns) => props.save({ campaigns })}
      />
      <CheckedField
        id="break-reasons"
        label={t('breakReasonsLabel')}
        hint={t('breakReasonsHint')}
        locked={isLocked('breakReasons')}
        text={breakReasonsText(props.settings.breakReasons)}
        parse={breakReasonsFromText}
        save={(breakReasons) => props.save({ breakReasons })}
      >
        {(field) => <textarea {...field.control} {...field.edit} rows="4" spellcheck={false} />}
      </CheckedField>
      <CheckedField
        id="dispositions"
        label={t('dispositionsLabel')}
        hint={t('dispositionsHint')}
        locked={isLocked('dispositions')}
        text={dispositionsText(props.settings.dispositions)}
        parse={(text) => dispositionsFromText(text, campaignNames())}
        save={(dispositions) => props.save({ dispositions })}
      >
        {(field) => (
          <textarea
            {...field.control}
            {...field.edit}
            rows="5"
            spellcheck={false}
            placeholder={'Ventas->: Venta > Tarjeta\n*: No contesta'}
          />
        )}
      </CheckedField>
      <CheckedField
        id="wrap-up-seconds"
        label={t('wrapUpSecondsLabel')}
        hint={t('wrapUpSecondsHint')}
        locked={isLocked('wrapUpSeconds')}
        text={String(props.settings.wrapUpSeconds)}
        parse={wrapUpSecondsFromText}
        save={(wrapUpSeconds) => props.save({ wrapUpSeconds })}
      >
        {(field) => (
          <input
            {...field.control}
            {...field.edit}
            class="seconds"
            type="number"
            min="0"
            max="3600"
            step="1"
            inputmode="numeric"
          />
        )}
      </CheckedField>
    </section>
  );
}

/** What a checked field hands its control besides the field's wiring: the text and its checks. */
interface CheckedEdit {
  readonly value: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-errormessage': string | undefined;
  onInput: (event: { currentTarget: { value: string } }) => void;
  onChange: () => void;
}

/**
 * One setting typed as text: checked when the agent leaves the control, saved only when the
 * check passes. The saved value, written back the canonical way, replaces the text.
 */
function CheckedField<T>(props: {
  id: string;
  label: string;
  hint: string;
  locked: boolean;
  /** The saved value as the control shows it. */
  text: string;
  parse: (text: string) => T;
  save: (value: T) => Promise<void>;
  children: (field: { control: FieldControl; edit: CheckedEdit }) => JSX.Element;
}) {
  const [text, setText] = createSignal(props.text);
  const [error, setError] = createSignal<ErrorInfo>();
  const [saved, setSaved] = createSignal(false);
  const errorId = `${props.id}-error`;
  createEffect(
    on(
      () => props.text,
      (value) => {
        setText(value);
        setError(undefined);
      },
      { defer: true },
    ),
  );

  const commit = async () => {
    setSaved(false);
    try {
      await props.save(props.parse(text()));
      setError(undefined);
      setSaved(true);
    } catch (failure) {
      setError(toErrorInfo(failure));
    }
  };
  const edit: CheckedEdit = {
    get value() {
      return text();
    },
    get 'aria-invalid'() {
      return error() !== undefined;
    },
    get 'aria-errormessage'() {
      return error() ? errorId : undefined;
    },
    onInput: (event) => {
      setText(event.currentTarget.value);
      setSaved(false);
    },
    onChange: () => void commit(),
  };

  return (
    <SettingField id={props.id} label={props.label} hint={props.hint} locked={props.locked}>
      {(control) => (
        <>
          {props.children({ control, edit })}
          <ErrorAlert id={errorId} error={error()} then={t('contactCenterNotSaved')} />
          <Saved when={saved()} />
        </>
      )}
    </SettingField>
  );
}

/**
 * The campaigns as rows of name, caller ID and context. A row is checked and the list saved when
 * the focus leaves the row (or on Enter), and when a row is removed; a row just added and still
 * empty is no campaign yet.
 */
function CampaignsEditor(props: {
  campaigns: Campaign[];
  locked: boolean;
  save: (campaigns: Campaign[]) => Promise<void>;
}) {
  const [rows, setRows] = createStore<CampaignRow[]>(campaignRows(props.campaigns));
  const [error, setError] = createSignal<ErrorInfo>();
  const [saved, setSaved] = createSignal(false);
  // What this editor saved last: the same list coming back from storage is no news.
  let lastSaved = JSON.stringify(props.campaigns);
  let changed = false;
  createEffect(
    on(
      () => JSON.stringify(props.campaigns),
      (campaigns) => {
        if (campaigns === lastSaved) return;
        lastSaved = campaigns;
        setRows(campaignRows(props.campaigns));
        setError(undefined);
      },
      { defer: true },
    ),
  );

  const commit = async () => {
    changed = false;
    setSaved(false);
    try {
      const campaigns = campaignsFromRows(rows);
      lastSaved = JSON.stringify(campaigns);
      await props.save(campaigns);
      setError(undefined);
      setSaved(true);
    } catch (failure) {
      setError(toErrorInfo(failure));
    }
  };
  const edit = (index: number, field: keyof CampaignRow, value: string) => {
    setRows(index, field, value);
    changed = true;
    setSaved(false);
  };
  const focus = (id: string) => queueMicrotask(() => document.getElementById(id)?.focus());
  const add = () => {
    setRows(rows.length, { name: '', callerId: '', context: '' });
    focus(`campaign-${rows.length - 1}-name`);
  };
  const remove = (index: number) => {
    setRows((current) => current.filter((_, at) => at !== index));
    void commit();
    // The row that took its place, else the one before, else the way to add one.
    if (rows.length === 0) focus('campaign-add');
    else focus(`campaign-${Math.min(index, rows.length - 1)}-name`);
  };
  const leaveRow = (event: FocusEvent & { currentTarget: HTMLElement }) => {
    const next = event.relatedTarget;
    if (changed && !(next instanceof Node && event.currentTarget.contains(next))) void commit();
  };
  const enter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && changed) void commit();
  };

  return (
    <SettingGroup
      id="campaigns"
      label={t('campaignsLabel')}
      hint={t('campaignsHint')}
      locked={props.locked}
    >
      <Show when={rows.length > 0} fallback={<p class="hint">{t('campaignsEmpty')}</p>}>
        <div class="campaign-columns" aria-hidden="true">
          <span>{t('campaignNameColumn')}</span>
          <span>{t('campaignCallerIdColumn')}</span>
          <span>{t('campaignContextColumn')}</span>
        </div>
        <ol class="campaign-rows">
          <For each={rows}>
            {(row, index) => {
              const number = () => String(index() + 1);
              // Getters: a row moves up when one above it goes, and its ids and names follow.
              const input = (field: keyof CampaignRow) => ({
                get id() {
                  return `campaign-${index()}-${field}`;
                },
                get value() {
                  return row[field];
                },
                autocomplete: 'off',
                spellcheck: false,
                onInput: (event: { currentTarget: HTMLInputElement }) =>
                  edit(index(), field, event.currentTarget.value),
                onKeyDown: enter,
              });
              return (
                <li class="campaign-row" onFocusOut={leaveRow}>
                  <input
                    {...input('name')}
                    type="text"
                    aria-label={t('campaignNameLabel', [number()])}
                  />
                  <input
                    {...input('callerId')}
                    type="tel"
                    aria-label={t('campaignCallerIdLabel', [number()])}
                  />
                  <input
                    {...input('context')}
                    type="text"
                    aria-label={t('campaignContextLabel', [number()])}
                  />
                  <Show when={!props.locked}>
                    <button
                      type="button"
                      class="secondary"
                      aria-label={t('campaignRemoveLabel', [number()])}
                      onClick={() => remove(index())}
                    >
                      {t('campaignRemove')}
                    </button>
                  </Show>
                </li>
              );
            }}
          </For>
        </ol>
      </Show>
      <ErrorAlert id="campaigns-error" error={error()} then={t('contactCenterNotSaved')} />
      <Saved when={saved()} />
      <Show when={!props.locked}>
        <button type="button" id="campaign-add" class="secondary add" onClick={add}>
          {t('campaignAdd')}
        </button>
      </Show>
    </SettingGroup>
  );
}

/** A quiet word that the last change was saved. */
function Saved(props: { when: boolean }) {
  return (
    <Show when={props.when}>
      <p class="hint" role="status">
        {t('contactCenterSaved')}
      </p>
    </Show>
  );
}
