// The code's layering, checked by dependency-cruiser (`npm run lint:layers`, part of `npm run lint`).
// Paths are regular expressions on paths from the repo root. Type-only imports count
// (tsPreCompilationDeps): a type shared across layers is a dependency like any other.
// tests/unit/layering.test.ts runs these rules against tests/fixtures/layering/.

// The extension API: WXT's virtual module, its runtime and the polyfill. Unresolved specifiers
// (`#imports`) keep their name; resolved ones are files under node_modules/.
const EXTENSION_API = [
  '^#imports$',
  '^(wxt|@wxt-dev/[^/]+|webextension-polyfill)(/|$)',
  '(^|/)node_modules/(wxt|@wxt-dev/[^/]+|webextension-polyfill)/',
];
const STORAGE = ['^utils/storage\\.ts$', '^utils/session-storage\\.ts$', '^utils/settings/'];
const MESSAGING = '^utils/messages\\.ts$';
// Code that belongs to one extension context (or its UI).
const CONTEXT_CODE = [
  '^utils/(background|phone-host|popup|options|crm|microphone-page)/',
  '^components/',
  '^entrypoints/',
];
// The phone: the sip.js engine and the phone host. Its state types are plain data pages show.
const PHONE = {
  path: ['^utils/sip/', '^utils/phone-host/'],
  pathNot: '^utils/sip/phone-state\\.ts$',
};
// The uContact HTTP client (login, logoff, requests); parsing an instance address is pure.
const UCONTACT_CLIENT = { path: '^utils/ucontact/', pathNot: '^utils/ucontact/instance\\.ts$' };

/**
 * One rule per entry: nothing `from` matches may reach (import, directly or through other
 * modules) what the entry names. The rule is called `<layer>-no-<entry>`.
 */
function mayNotReach(layer, from, entries) {
  return Object.entries(entries).map(([what, { comment, to }]) => ({
    name: `${layer}-no-${what}`,
    comment,
    severity: 'error',
    from: { path: from },
    to: { ...to, reachable: true },
  }));
}

// What a page (the popup) or a content script leaves to the background.
const BACKGROUND_JOBS = {
  phone: {
    comment:
      'The phone runs in the phone host, driven by the background; others send requests. Only ' +
      'the plain state types (utils/sip/phone-state.ts) are shared.',
    to: PHONE,
  },
  'background-code': {
    comment: 'utils/background/ runs only in the background; others send it a message.',
    to: { path: '^utils/background/' },
  },
  'ucontact-client': {
    comment:
      'Only the background calls uContact, with the agent’s credentials; others may parse an ' +
      'instance address (utils/ucontact/instance.ts) and nothing else.',
    to: UCONTACT_CLIENT,
  },
  'number-cost': {
    comment:
      'libphonenumber’s max metadata (number types, 74 KB more than min) is the background’s: ' +
      'pages and content scripts ask `call.dial`, which says when a number is premium-rate.',
    to: {
      path: ['^utils/phone-numbers/number-cost\\.ts$', '(^|/)node_modules/libphonenumber-js/max/'],
    },
  },
};

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // sip, phone-numbers, dial-plan and the untrusted-text cleaners run (and are unit-tested)
    // without an extension.
    ...mayNotReach(
      'pure',
      ['^utils/(sip|phone-numbers|dial-plan)/', '^utils/untrusted-text\\.ts$'],
      {
        'extension-api': {
          comment: 'The pure layers use no browser.* API: what they need comes in as arguments.',
          to: { path: EXTENSION_API },
        },
        storage: {
          comment:
            'The pure layers take their options as arguments; reading storage is the caller’s.',
          to: { path: STORAGE },
        },
        messaging: {
          comment: 'The pure layers know nothing of runtime messaging (utils/messages.ts).',
          to: { path: MESSAGING },
        },
        'context-code': {
          comment:
            'The pure layers are below every extension context: no background, phone-host, page, ' +
            'content-script, component or entrypoint code.',
          to: { path: CONTEXT_CODE },
        },
      },
    ),
    ...mayNotReach('content-script', '^entrypoints/crm\\.content/', {
      secrets: {
        comment:
          'Content scripts run in the CRM page’s renderer: nothing they load may read the session ' +
          'credentials (utils/session-storage.ts).',
        to: { path: '^utils/session-storage\\.ts$' },
      },
      ...BACKGROUND_JOBS,
    }),
    ...mayNotReach('popup', '^entrypoints/popup/', BACKGROUND_JOBS),
    {
      name: 'content-script-no-number-reading',
      comment:
        'Content scripts run in every frame of every CRM page: they walk the page and ask the ' +
        'background (`numbers.detect`, `page.settings`), which alone loads libphonenumber-js, its ' +
        'metadata and the settings checks that use it. Types may be shared (they are erased); ' +
        'the bench’s content-script size row shows the rest.',
      severity: 'error',
      from: {
        path: ['^entrypoints/crm\\.content/', '^utils/crm/'],
        pathNot: '^utils/crm/site-scripts\\.ts$',
      },
      to: {
        path: [
          '(^|/)node_modules/libphonenumber-js/',
          '^utils/phone-numbers/(?!count-digits\\.ts$)',
          '^utils/dial-plan/',
          '^utils/settings/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'settings-no-higher-layers',
      comment:
        'The settings model is read by every context, so it imports none of them, nor the message ' +
        'contract (which may carry settings, not the other way round).',
      severity: 'error',
      from: { path: '^utils/settings/' },
      to: { path: [...CONTEXT_CODE, MESSAGING] },
    },
    {
      name: 'no-folder-cycles',
      comment:
        'Folders form layers: when two folders import each other (through any of their modules), ' +
        'neither can be understood, tested or moved alone. A folder holds its subfolders, so this ' +
        'covers siblings such as utils/crm and utils/sip, and top-level ones such as components/.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular',
      comment:
        'A module cycle (type-only imports included) makes load order and ownership unclear; ' +
        'move the shared part into a module both can import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment:
        'An import the cruiser cannot resolve escapes every rule above (e.g. a path alias it does ' +
        'not know). `#imports` is WXT’s virtual module, handled by pure-no-extension-api.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^#imports$' },
    },
  ],
  options: {
    exclude: { path: '^(\\.wxt|\\.output)/' },
    doNotFollow: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    // The `@/` alias (see tsconfig.depcruise.json).
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
