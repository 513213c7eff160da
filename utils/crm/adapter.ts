/**
 * What one CRM adds to the generic detector. Everything is optional except the identity: the
 * generic rules (text numbers, `tel:` links, editable fields and do-not-call markup skipped) apply
 * on every page, and an adapter only says what its CRM does differently.
 *
 * One file per CRM in `utils/crm/adapters/<id>.ts`, each with a fixture page
 * (`tests/fixtures/crm/<id>.html`) and a test (`tests/unit/crm/<id>.test.ts`), listed in
 * `utils/crm/registry.ts`; `tests/unit/crm/conventions.test.ts` enforces all three.
 */
export interface CrmAdapter {
  /** Stable id: names the adapter, fixture and test files. */
  readonly id: string;
  /**
   * The CRM's name as agents see it (options page, store listing, privacy statement). The options
   * page lists the CRMs from the registry; `tests/unit/crm/crm-lists.test.ts` holds the docs to it.
   */
  readonly name: string;
  /**
   * Manifest match patterns of the CRM application, `https` only: its hosts, and on a host that
   * also serves pages tenants write (help centers, portals, websites), the application's paths.
   * Empty for the generic adapter. README "Permissions" says why each pattern is what it is.
   */
  readonly matches: readonly string[];
  /**
   * Pages on the `matches` hosts that are no part of the application (a marketing site, pages
   * the CRM serves to customers): the manifest's `exclude_matches`, and left out of `adapterFor`.
   */
  readonly excludeMatches?: readonly string[];
  /**
   * Ready-made screen-pop URL: `{number}` is the caller's number, `{host}` (or `{portal}`) the
   * agent's own CRM address, which the agent fills in. None for the generic adapter.
   */
  readonly screenPop?: string;
  /**
   * Elements whose subtree never holds a number to call (record IDs, amounts, dates), as one CSS
   * selector list.
   */
  readonly exclude?: string;
  /**
   * Elements whose whole text is one phone number, as the CRM stores it (possibly without a
   * country code or in a form the text detector would not trust, such as a bare `555-0123`).
   */
  readonly phoneFields?: string;
  /**
   * `<input>` elements that hold one phone number (CRMs whose forms are always editable). The
   * button goes right after the input, never inside it.
   */
  readonly phoneInputs?: string;
  /** Links other than `tel:` whose `href` holds the number, such as `a[href^="callto:"]`. */
  readonly phoneLinks?: string;
}
