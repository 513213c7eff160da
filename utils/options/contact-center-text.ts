import { AppError } from '../errors';
import {
  ANY_CAMPAIGN,
  parseBreakReasons,
  parseCampaign,
  parseDispositions,
  parseWrapUpSeconds,
  uniqueCampaigns,
} from '../settings/contact-center';
import type { Campaign, Dispositions } from '../settings/settings';

/**
 * The contact-center settings as the options page writes them (rows, one-per-line text, a number
 * field) and back. What the agent wrote passes the same checks a policy value does; anything that
 * fails is refused whole, with the check's reason.
 */

/** One campaign row as typed: every field a string, the context empty when unused. */
export interface CampaignRow {
  name: string;
  callerId: string;
  context: string;
}

export function campaignRows(campaigns: readonly Campaign[]): CampaignRow[] {
  return campaigns.map(({ name, callerId, context = '' }) => ({ name, callerId, context }));
}

/** The campaigns the rows hold. A row left wholly empty (just added) is no campaign yet. */
export function campaignsFromRows(rows: readonly CampaignRow[]): Campaign[] {
  return uniqueCampaigns(
    rows.flatMap((row, index) => {
      if (!row.name.trim() && !row.callerId.trim() && !row.context.trim()) return [];
      const context = row.context.trim() || undefined;
      return [parseCampaign({ name: row.name, callerId: row.callerId, context }, index + 1)];
    }),
  );
}

/** Break reasons, one a line. */
export function breakReasonsText(reasons: readonly string[]): string {
  return reasons.join('\n');
}

/** The text's non-empty lines as break reasons. */
export function breakReasonsFromText(text: string): string[] {
  return parseBreakReasons(text.split('\n').filter((line) => line.trim()));
}

/**
 * Call results, one a line: `Ventas->: Venta > Tarjeta`, then `*: Contactado`. The `*` lines come
 * last, as the fallback they are (Chrome hands a policy's keys over sorted, `*` first).
 */
export function dispositionsText(dispositions: Readonly<Dispositions>): string {
  const last = (campaign: string) => (campaign === ANY_CAMPAIGN ? 1 : 0);
  return Object.entries(dispositions)
    .sort(([a], [b]) => last(a) - last(b))
    .flatMap(([campaign, results]) => results.map((result) => `${campaign}: ${result}`))
    .join('\n');
}

/**
 * The text's call results. A line's campaign ends at its first colon, unless the line starts
 * with the name of a known campaign and a colon: a campaign may have a colon in its name.
 */
export function dispositionsFromText(
  text: string,
  campaigns: readonly string[] = [],
): Dispositions {
  const known = [...campaigns].sort((a, b) => b.length - a.length);
  const grouped = new Map<string, string[]>();
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const start = line.trimStart();
    const name = known.find((campaign) => start.startsWith(`${campaign}:`));
    const colon = name === undefined ? start.indexOf(':') : name.length;
    if (colon < 0) throw new AppError('dispositionLineInvalid', [String(index + 1)]);
    const campaign = start.slice(0, colon).trim();
    grouped.set(campaign, [...(grouped.get(campaign) ?? []), start.slice(colon + 1).trim()]);
  });
  return parseDispositions(Object.fromEntries(grouped));
}

/** The wrap-up field's text as whole seconds (an empty field is no number). */
export function wrapUpSecondsFromText(text: string): number {
  const trimmed = text.trim();
  return parseWrapUpSeconds(trimmed === '' ? Number.NaN : Number(trimmed));
}
