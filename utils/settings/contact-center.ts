import { AppError } from '../errors';
import type { Campaign, Dispositions, Settings } from './settings';

/**
 * The contact-center settings' checks: campaigns, break reasons, call results, wrap-up. A policy
 * value and the options page's input pass the same check; each throws an `AppError` that says
 * what is wrong, in words the agent (or the administrator) can act on.
 */

export const CAMPAIGN_NAME_MAX_LENGTH = 64;
export const BREAK_REASON_MAX_LENGTH = 40;
export const DISPOSITION_LEVEL_MAX_LENGTH = 60;
export const DISPOSITION_MAX_LEVELS = 3;
export const WRAP_UP_MAX_SECONDS = 3600;
/** The `dispositions` key whose results apply to every campaign without its own. */
export const ANY_CAMPAIGN = '*';
/** Where a result's levels meet: `"Sale > Card"`. */
const LEVEL_SEPARATOR = '>';

const CALLER_ID = /^\+?\d{1,20}$/;
const CONTEXT = /^[A-Za-z0-9_-]+$/;
const CAMPAIGN_FIELDS: ReadonlySet<string> = new Set<keyof Campaign>([
  'name',
  'callerId',
  'context',
]);

/** A campaign list as a policy writes it: every campaign checked, names unique. */
export function parseCampaigns(value: unknown): Campaign[] {
  if (!Array.isArray(value)) throw new AppError('managedSettingInvalid');
  return uniqueCampaigns(value.map((campaign, index) => parseCampaign(campaign, index + 1)));
}

/** One campaign; `position` (from 1) names it in the message while its name may be the problem. */
export function parseCampaign(value: unknown, position: number): Campaign {
  const at = String(position);
  if (!isRecord(value)) throw new AppError('campaignNameInvalid', [at]);
  const unknown = Object.keys(value).find((field) => !CAMPAIGN_FIELDS.has(field));
  if (unknown !== undefined) throw new AppError('campaignUnknownField', [at, unknown]);

  const name = trimmed(value.name);
  if (!isCampaignName(name)) throw new AppError('campaignNameInvalid', [at]);
  const callerId = trimmed(value.callerId);
  if (!CALLER_ID.test(callerId)) throw new AppError('campaignCallerIdInvalid', [name]);
  if (value.context === undefined) return { name, callerId };
  const context = trimmed(value.context);
  if (!CONTEXT.test(context)) throw new AppError('campaignContextInvalid', [name]);
  return { name, callerId, context };
}

/** `campaigns` unchanged, or the first name two of them share, refused. */
export function uniqueCampaigns(campaigns: Campaign[]): Campaign[] {
  const seen = new Set<string>();
  for (const { name } of campaigns) {
    if (seen.has(name)) throw new AppError('campaignDuplicate', [name]);
    seen.add(name);
  }
  return campaigns;
}

/**
 * Break reasons, trimmed. Duplicates are refused ignoring case: the popup shows one button per
 * reason, named as the reason, and "Lunch" beside "lunch" would be two buttons no one can tell apart.
 */
export function parseBreakReasons(value: unknown): string[] {
  if (!Array.isArray(value)) throw new AppError('managedSettingInvalid');
  const seen = new Set<string>();
  return value.map((reason, index) => {
    const text = trimmed(reason);
    if (!text || length(text) > BREAK_REASON_MAX_LENGTH)
      throw new AppError('breakReasonInvalid', [String(index + 1), text]);
    const folded = text.toLocaleLowerCase();
    if (seen.has(folded)) throw new AppError('breakReasonDuplicate', [text]);
    seen.add(folded);
    return text;
  });
}

/**
 * Call results per campaign (or `*`), each written again in one shape (`"Sale > Card"`), repeated
 * ones once. A campaign key must be a campaign name as it is, without spaces around it.
 */
export function parseDispositions(value: unknown): Dispositions {
  if (!isRecord(value)) throw new AppError('managedSettingInvalid');
  // Entries, not assignments: a campaign named `__proto__` stays a campaign.
  const entries: [string, string[]][] = [];
  for (const [campaign, results] of Object.entries(value)) {
    if (campaign !== campaign.trim() || !isCampaignName(campaign))
      throw new AppError('dispositionCampaignInvalid', [campaign]);
    if (!Array.isArray(results)) throw new AppError('dispositionListInvalid', [campaign]);
    const paths = results.map((result) => {
      const levels = dispositionLevels(result);
      if (!levels) throw new AppError('dispositionInvalid', [campaign, String(result)]);
      return levels.join(` ${LEVEL_SEPARATOR} `);
    });
    entries.push([campaign, [...new Set(paths)]]);
  }
  return Object.fromEntries(entries);
}

/** 0 to 3600 whole seconds. */
export function parseWrapUpSeconds(value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > WRAP_UP_MAX_SECONDS)
    throw new AppError('wrapUpSecondsInvalid');
  return value as number;
}

/** One result in the result form: a level and what can be chosen below it. */
export interface DispositionNode {
  label: string;
  children: DispositionNode[];
}

/**
 * The results offered after a call in `campaign`, as a tree of up to three levels: the campaign's
 * own list when it has a non-empty one, else the `*` list. Same labels under one parent merge, in
 * the order they first appear.
 */
export function dispositionTree(
  dispositions: Readonly<Record<string, readonly string[]>>,
  campaign: string,
): DispositionNode[] {
  const own = Object.hasOwn(dispositions, campaign) ? dispositions[campaign] : undefined;
  const results = own?.length ? own : (dispositions[ANY_CAMPAIGN] ?? []);
  const roots: DispositionNode[] = [];
  for (const result of results) {
    let level = roots;
    for (const label of dispositionLevels(result) ?? []) {
      let node = level.find((candidate) => candidate.label === label);
      if (!node) {
        node = { label, children: [] };
        level.push(node);
      }
      level = node.children;
    }
  }
  return roots;
}

/** `"Sale > Card"` as its levels, trimmed; null unless 1 to 3 levels of 1 to 60 characters. */
function dispositionLevels(result: unknown): string[] | null {
  if (typeof result !== 'string') return null;
  const levels = result.split(LEVEL_SEPARATOR).map((level) => level.trim());
  const fits = (level: string) => level !== '' && length(level) <= DISPOSITION_LEVEL_MAX_LENGTH;
  return levels.length <= DISPOSITION_MAX_LEVELS && levels.every(fits) ? levels : null;
}

function isCampaignName(name: string): boolean {
  return name !== '' && length(name) <= CAMPAIGN_NAME_MAX_LENGTH;
}

/** A string's text without surrounding spaces; anything else counts as empty. */
function trimmed(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Characters as a person counts them (code points, so an emoji is one). */
function length(text: string): number {
  return [...text].length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The campaign calls go through: the one the agent chose in the popup, else the first. */
export function chosenCampaign(
  settings: Pick<Settings, 'campaigns' | 'campaign'>,
): Campaign | undefined {
  return settings.campaigns.find((c) => c.name === settings.campaign) ?? settings.campaigns[0];
}
