import { MatchPattern } from 'wxt/utils/match-patterns';
import type { CrmAdapter } from './adapter';
import { dynamics } from './adapters/dynamics';
import { freshdesk } from './adapters/freshdesk';
import { generic } from './adapters/generic';
import { hubspot } from './adapters/hubspot';
import { odoo } from './adapters/odoo';
import { pipedrive } from './adapters/pipedrive';
import { salesforce } from './adapters/salesforce';
import { zendesk } from './adapters/zendesk';
import { zoho } from './adapters/zoho';

/** Every adapter; the first whose hosts match a page wins, `generic` catches the rest. */
export const ADAPTERS: readonly CrmAdapter[] = [
  salesforce,
  hubspot,
  zoho,
  dynamics,
  pipedrive,
  zendesk,
  freshdesk,
  odoo,
  generic,
];

/** The supported CRMs' names, in registry order (the generic adapter is no CRM). */
export function crmDisplayNames(): string[] {
  return ADAPTERS.filter((adapter) => adapter.matches.length > 0).map((adapter) => adapter.name);
}

/** A ready-made screen-pop URL, offered under its CRM's name. */
export interface ScreenPopPreset {
  readonly id: string;
  readonly name: string;
  readonly template: string;
}

/** The adapters' screen-pop presets, in registry order. */
export function screenPopPresets(): ScreenPopPreset[] {
  return ADAPTERS.flatMap(({ id, name, screenPop }) =>
    screenPop ? [{ id, name, template: screenPop }] : [],
  );
}

/** The adapter for a page URL: the CRM whose application it is, else the generic adapter. */
export function adapterFor(url: string | URL): CrmAdapter {
  return ADAPTERS.find((adapter) => declares(adapter, url)) ?? generic;
}

/** The CRM application pages the content script is declared for in the manifest (`matches`). */
export function crmMatchPatterns(): string[] {
  return ADAPTERS.flatMap((adapter) => adapter.matches);
}

/** The pages of those hosts it is not declared for (the manifest's `exclude_matches`). */
export function crmExcludeMatchPatterns(): string[] {
  return ADAPTERS.flatMap((adapter) => adapter.excludeMatches ?? []);
}

/** Whether the manifest's CRM patterns already cover the page at `url`. */
export function isDeclaredCrmUrl(url: string | URL): boolean {
  return ADAPTERS.some((adapter) => declares(adapter, url));
}

/**
 * Whether the manifest's CRM patterns cover every page of `origin`, so that turning the site on
 * would add nothing. False for a CRM host where only the application's paths are declared
 * (`https://acme.zendesk.com`: its help center is not), which the agent may still turn on whole.
 */
export function isDeclaredCrmOrigin(origin: string): boolean {
  const url = new URL(origin);
  return ADAPTERS.some(
    (adapter) =>
      matchesAny(adapter.matches.filter(isWholeHost), url) &&
      !matchesAny((adapter.excludeMatches ?? []).map(wholeHost), url),
  );
}

function declares(adapter: CrmAdapter, url: string | URL): boolean {
  return matchesAny(adapter.matches, url) && !matchesAny(adapter.excludeMatches ?? [], url);
}

function matchesAny(patterns: readonly string[], url: string | URL): boolean {
  return patterns.some((pattern) => new MatchPattern(pattern).includes(url));
}

/** `https://*.example.com/app/*` → `https://*.example.com/*`. */
function wholeHost(pattern: string): string {
  return pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*');
}

function isWholeHost(pattern: string): boolean {
  return wholeHost(pattern) === pattern;
}
