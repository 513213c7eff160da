import { AppError, type ErrorInfo } from '../errors';
import { isManagedSettingKey, MANAGED_SETTINGS, type ManagedSettingKey } from './setting-checks';
import type { Settings } from './settings';

/** Where a resolved value came from, strongest first. */
export type SettingSource = 'managed-locked' | 'user' | 'managed-default' | 'built-in';

/** What `storage.managed` holds: the policy values, and which of them the agent may not change. */
export interface ManagedSettings {
  values: Readonly<Record<string, unknown>>;
  /** Setting names; validated here, since Firefox checks policies against no schema. */
  lockedSettings: unknown;
}

/** A managed value that was ignored, for the options page to show the agent (and the admin). */
export interface ManagedProblem {
  setting: string;
  /** `managedSettingUnknown` or `managedSettingInvalid`, with the setting name. */
  message: ErrorInfo;
  /** Why the value is invalid, when a parser said so (`errorSipServerInvalid`, `dialPlan…`). */
  detail?: ErrorInfo;
}

export interface ResolvedSettings {
  settings: Settings;
  /** Settings the agent cannot change: options page and popup disable them. */
  locked: Set<keyof Settings>;
  sources: Record<keyof Settings, SettingSource>;
  problems: ManagedProblem[];
  /** The policy's blocked numbers: in `settings.blockedNumbers`, and the agent cannot remove them. */
  policyBlockedNumbers: string[];
}

/** The settings `managed_schema.json` declares, in its order. */
export const MANAGED_SETTING_KEYS = Object.keys(MANAGED_SETTINGS) as ManagedSettingKey[];

/** The policy key that lists locked settings. */
export const LOCKED_SETTINGS_KEY = 'lockedSettings';

/** Splits what `storage.managed.get()` returned into values and the locked list. */
export function splitManagedStorage(raw: unknown): ManagedSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { values: {}, lockedSettings: [] };
  const { [LOCKED_SETTINGS_KEY]: lockedSettings = [], ...values } = raw as Record<string, unknown>;
  return { values, lockedSettings };
}

/**
 * The one place settings resolve. Per setting, the first that applies wins:
 * 1. managed-locked: the policy locks it (its value, or the built-in one when it sets none);
 * 2. user: the agent set it (stored user settings hold only what the agent changed);
 * 3. managed-default: the policy sets it without locking it, as a prefilled default;
 * 4. built-in.
 * Unknown policy keys, values of the wrong type or failing their check, and unknown locked names
 * are ignored and listed in `problems`.
 *
 * `blockedNumbers` adds up instead: the policy's entries and the agent's own, so an agent can block
 * more but never unblock what the organization blocked; locked, the policy's list alone applies.
 */
export function resolveSettings({
  builtIn,
  managed,
  user,
}: {
  builtIn: Settings;
  managed: ManagedSettings;
  user: Partial<Settings>;
}): ResolvedSettings {
  const problems: ManagedProblem[] = [];
  const managedValues = new Map<keyof Settings, unknown>();
  for (const [setting, value] of Object.entries(managed.values)) {
    if (!isManagedSettingKey(setting)) {
      problems.push(unknownSetting(setting));
      continue;
    }
    try {
      managedValues.set(setting, MANAGED_SETTINGS[setting](value));
    } catch (error) {
      problems.push(invalidSetting(setting, error));
    }
  }

  const locked = new Set<keyof Settings>();
  for (const setting of lockedNames(managed.lockedSettings, problems)) {
    if (isManagedSettingKey(setting)) locked.add(setting);
    else if (!Object.hasOwn(managed.values, setting)) problems.push(unknownSetting(setting));
  }

  const settings = { ...builtIn };
  const sources = {} as Record<keyof Settings, SettingSource>;
  for (const key of Object.keys(builtIn) as (keyof Settings)[]) {
    const [source, value] = pick(key);
    (settings as Record<keyof Settings, unknown>)[key] = value;
    sources[key] = source;
  }
  const policyBlockedNumbers = (managedValues.get('blockedNumbers') as string[] | undefined) ?? [];
  if (sources.blockedNumbers === 'user') {
    settings.blockedNumbers = [...new Set([...policyBlockedNumbers, ...settings.blockedNumbers])];
  }
  return { settings, locked, sources, problems, policyBlockedNumbers };

  function pick(key: keyof Settings): [SettingSource, unknown] {
    if (locked.has(key))
      return ['managed-locked', managedValues.has(key) ? managedValues.get(key) : builtIn[key]];
    if (user[key] !== undefined) return ['user', user[key]];
    if (managedValues.has(key)) return ['managed-default', managedValues.get(key)];
    return ['built-in', builtIn[key]];
  }
}

function lockedNames(value: unknown, problems: ManagedProblem[]): string[] {
  if (Array.isArray(value) && value.every((name) => typeof name === 'string')) return value;
  problems.push(invalidSetting(LOCKED_SETTINGS_KEY, new AppError('managedSettingInvalid')));
  return [];
}

function unknownSetting(setting: string): ManagedProblem {
  return { setting, message: { key: 'managedSettingUnknown', substitutions: [setting] } };
}

function invalidSetting(setting: string, error: unknown): ManagedProblem {
  const problem: ManagedProblem = {
    setting,
    message: { key: 'managedSettingInvalid', substitutions: [setting] },
  };
  if (error instanceof AppError && error.key !== 'managedSettingInvalid')
    problem.detail = error.toInfo();
  return problem;
}
