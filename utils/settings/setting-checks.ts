import { parseDialPlan, type DialPlanRules } from '../dial-plan/dial-plan-rules';
import { AppError } from '../errors';
import { parseBlockedNumbers } from '../phone-numbers/blocked-numbers';
import { isSupportedCountry } from '../phone-numbers/libphonenumber';
import {
  parseBreakReasons,
  parseCampaigns,
  parseDispositions,
  parseWrapUpSeconds,
} from './contact-center';
import { parseSipServer } from './sip-server';
import { parseInstance } from '../ucontact/instance';
import { screenPopUrl } from './screen-pop';
import type { Settings } from './settings';
import { parseSiteOrigin } from './site-origin';

type Validator<K extends keyof Settings> = (value: unknown) => Settings[K];

/**
 * The settings an administrator can set, each with the check its policy value must pass (Chrome
 * drops values that break `managed_schema.json`; Firefox passes policies.json through unchecked).
 * A validator returns the value to use or throws an `AppError`.
 */
export const MANAGED_SETTINGS: { [K in ManagedSettingKey]: Validator<K> } = {
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
  campaigns: parseCampaigns,
  callRouting: (value) => {
    if (value !== 'campaign' && value !== 'direct') throw invalid();
    return value;
  },
  breakReasons: parseBreakReasons,
  dispositions: parseDispositions,
  wrapUpSeconds: parseWrapUpSeconds,
  blockedNumbers: parseBlockedNumbers,
};

/** The settings an administrator can set by policy. */
export type ManagedSettingKey =
  | 'instance'
  | 'sipServer'
  | 'defaultCountry'
  | 'autoAnswer'
  | 'screenPop'
  | 'enabledSites'
  | 'dialPlan'
  | 'campaigns'
  | 'callRouting'
  | 'breakReasons'
  | 'dispositions'
  | 'wrapUpSeconds'
  | 'blockedNumbers';

export function isManagedSettingKey(key: string): key is ManagedSettingKey {
  return Object.hasOwn(MANAGED_SETTINGS, key);
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
