import { screenPopUrl } from '../calls/screen-pop';
import { parseDialPlan, type DialPlanRules } from '../dial-plan/dial-plan-rules';
import { AppError, type ErrorInfo } from '../errors';
import { isSupportedCountry } from '../phone-numbers/libphonenumber';
import { parseSipServer } from '../session/sip-server';
import { parseSiteOrigin } from '../crm/site-origin';
import type { Settings } from '../storage';
import { parseInstance } from '../ucontact/instance';

export type { Settings };

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
}

type Validator<K extends keyof Settings> = (value: unknown) => Settings[K];

/**
 * The settings an administrator can set, each with the check its policy value must pass (Chrome
 * drops values that break `managed_schema.json`; Firefox passes policies.json through unchecked).
 * A validator returns the value to use or throws an `AppError`.
 */
const MANAGED_SETTINGS: { [K in ManagedSettingKey]: Validator<K> } = {
  instance: (value) => {
    const text = string(value).trim();
    if (text) parseInstance(text);
    return text;
  },
  sipServer: (value) => parseSipServer(string(value)),
  defaultCountry: (value) => {
    const country = string(value).trim().toUpperCase();
    if (country && !isSupportedCountry(country)) throw invalid();
    return country;
  },
  autoAnswer: (value) => {
    if (typeof value !== 'boolean') throw invalid();
    return value;
  },
  screenPop: (value) => {
    const { when, template, ...rest } = record(value);
    if (when !== 'never' && when !== 'ring' && when !== 'answer') throw invalid();
    const url = string(template).trim();
    if (Object.keys(rest).length) throw invalid();
    // A template must open an http(s) URL with the number in it; only `never` may go without.
    if ((url || when !== 'never') && !screenPopUrl(url, '0')) throw invalid();
    return { when, template: url };
  },
  enabledSites: (value) => {
    if (!Array.isArray(value)) throw invalid();
    return [...new Set(value.map(webOrigin))];
  },
  dialPlan: (value) => {
    if (value === null) return null;
    parseDialPlan(value);
    return value as DialPlanRules;
  },
};

export type ManagedSettingKey =
  | 'instance'
  | 'sipServer'
  | 'defaultCountry'
  | 'autoAnswer'
  | 'screenPop'
  | 'enabledSites'
  | 'dialPlan';

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
  return { settings, locked, sources, problems };

  function pick(key: keyof Settings): [SettingSource, unknown] {
    if (locked.has(key))
      return ['managed-locked', managedValues.has(key) ? managedValues.get(key) : builtIn[key]];
    if (user[key] !== undefined) return ['user', user[key]];
    if (managedValues.has(key)) return ['managed-default', managedValues.get(key)];
    return ['built-in', builtIn[key]];
  }
}

function isManagedSettingKey(key: string): key is ManagedSettingKey {
  return Object.hasOwn(MANAGED_SETTINGS, key);
}

function lockedNames(value: unknown, problems: ManagedProblem[]): string[] {
  if (Array.isArray(value) && value.every((name) => typeof name === 'string')) return value;
  problems.push(invalidSetting(LOCKED_SETTINGS_KEY, invalid()));
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

/** A value of the wrong type or shape; the problem's message says which setting. */
function invalid(): AppError {
  return new AppError('managedSettingInvalid');
}

function string(value: unknown): string {
  if (typeof value !== 'string') throw invalid();
  return value;
}

function record(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid();
  return value as Record<string, unknown>;
}

/** An enabled site as the content-script registration needs it: an http(s) origin. */
function webOrigin(value: unknown): string {
  return parseSiteOrigin(string(value));
}
