import { createUniqueId, Show, type JSX } from 'solid-js';
import { t } from '@/utils/i18n';

/** What a field hands its control to spread (`<input {...control} />`): the wiring, done here once. */
export interface FieldControl {
  readonly id: string;
  readonly 'aria-describedby': string | undefined;
  readonly disabled: boolean;
}

/**
 * One setting: its label, the control, an optional hint and, when an administrator locked it, the
 * "Set by your organization" note. The control is the caller's (input, select, textarea); the field
 * gives it its id, its description (hint and note) and its disabled state.
 */
export function SettingField(props: {
  /** The control's id; e2e specs find some fields by it (`#options-instance`). */
  id: string;
  label: string;
  hint?: string;
  /** Set and locked by an administrator: shown, not editable, and the note says why. */
  locked?: boolean;
  /** False where the next field of the same setting says it (one note per setting). */
  note?: boolean;
  children: (control: FieldControl) => JSX.Element;
}) {
  const noted = () => !!props.locked && props.note !== false;
  const hintId = () => `${props.id}-hint`;
  const noteId = () => `${props.id}-managed`;
  // Getters, so the spread control follows a lock that arrives later (policy read after render).
  const control: FieldControl = {
    get id() {
      return props.id;
    },
    get 'aria-describedby'() {
      return describedBy(props.hint ? hintId() : undefined, noted() ? noteId() : undefined);
    },
    get disabled() {
      return !!props.locked;
    },
  };
  // Component bodies run untracked: the control is made once, not again on every change it reads.
  const element = props.children(control);
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {element}
      <Show when={props.hint}>
        <p class="hint" id={hintId()}>
          {props.hint}
        </p>
      </Show>
      <ManagedNote id={noteId()} locked={noted()} />
    </div>
  );
}

/** A yes/no setting: a checkbox inside its label, and the note beside it when it is locked. */
export function SettingCheck(props: {
  label: string;
  checked: boolean;
  locked?: boolean;
  onChange: (checked: boolean) => void;
}) {
  const noteId = createUniqueId();
  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          checked={props.checked}
          disabled={!!props.locked}
          aria-describedby={props.locked ? noteId : undefined}
          onChange={(event) => props.onChange(event.currentTarget.checked)}
        />
        {props.label}
      </label>
      {/* Outside the label: inside it, the note would become part of the checkbox's name. */}
      <ManagedNote id={noteId} locked={!!props.locked} />
    </>
  );
}

/**
 * A setting edited through several controls (a list of rows): a fieldset whose legend names it,
 * with its hint first and, when an administrator locked it, the note. Locked, every control in it
 * is disabled by the fieldset itself.
 */
export function SettingGroup(props: {
  id: string;
  label: string;
  hint?: string;
  locked?: boolean;
  children: JSX.Element;
}) {
  const hintId = () => `${props.id}-hint`;
  const noteId = () => `${props.id}-managed`;
  return (
    <fieldset
      class="field group"
      id={props.id}
      disabled={!!props.locked}
      aria-describedby={describedBy(
        props.hint ? hintId() : undefined,
        props.locked ? noteId() : undefined,
      )}
    >
      <legend>{props.label}</legend>
      <Show when={props.hint}>
        <p class="hint" id={hintId()}>
          {props.hint}
        </p>
      </Show>
      {props.children}
      <ManagedNote id={noteId()} locked={!!props.locked} />
    </fieldset>
  );
}

/** Beside a field an administrator locked: why it cannot be changed. */
function ManagedNote(props: { id: string; locked: boolean }) {
  return (
    <Show when={props.locked}>
      <p class="hint managed-note" id={props.id} data-testid="set-by-organization">
        {t('settingSetByOrganization')}
      </p>
    </Show>
  );
}

function describedBy(...ids: (string | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}
