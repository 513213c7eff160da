import { describe, expect, it } from 'vitest';
import {
  MANAGED_SETTING_KEYS,
  resolveSettings,
  splitManagedStorage,
  type ManagedSettings,
  type SettingSource,
} from '@/utils/settings/resolve-settings';
import { type Settings } from '@/utils/settings/settings';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

const builtIn: Settings = { ...DEFAULT_SETTINGS };

function resolve(managed: Partial<ManagedSettings>, user: Partial<Settings> = {}) {
  return resolveSettings({
    builtIn,
    managed: { values: {}, lockedSettings: [], ...managed },
    user,
  });
}

describe('resolveSettings precedence: managed-locked > user > managed-default > built-in', () => {
  // defaultCountry: built-in '', the policy's 'UY', the agent's 'AR'; 'Uruguay' fails its check.
  type Row = [locked: boolean, managed: unknown, user: string | undefined, SettingSource, string];
  const ABSENT = Symbol('absent');
  it.each<Row>([
    [false, ABSENT, undefined, 'built-in', ''],
    [false, ABSENT, 'AR', 'user', 'AR'],
    [false, 'UY', undefined, 'managed-default', 'UY'],
    [false, 'UY', 'AR', 'user', 'AR'],
    [true, 'UY', undefined, 'managed-locked', 'UY'],
    [true, 'UY', 'AR', 'managed-locked', 'UY'],
    // Locked without a value: the built-in value, and the agent still cannot change it.
    [true, ABSENT, undefined, 'managed-locked', ''],
    [true, ABSENT, 'AR', 'managed-locked', ''],
    // A value that fails its check is ignored as if absent (and reported).
    [false, 'Uruguay', undefined, 'built-in', ''],
    [false, 'Uruguay', 'AR', 'user', 'AR'],
    [true, 'Uruguay', undefined, 'managed-locked', ''],
    [true, 'Uruguay', 'AR', 'managed-locked', ''],
    // So is a value of the wrong type.
    [false, 598, undefined, 'built-in', ''],
    [true, 598, 'AR', 'managed-locked', ''],
  ])('locked %s, managed %j, user %j → %s %j', (locked, managed, user, source, value) => {
    const result = resolve(
      {
        values: managed === ABSENT ? {} : { defaultCountry: managed },
        lockedSettings: locked ? ['defaultCountry'] : [],
      },
      user === undefined ? {} : { defaultCountry: user },
    );
    expect(result.settings.defaultCountry).toBe(value);
    expect(result.sources.defaultCountry).toBe(source);
    expect(result.locked.has('defaultCountry')).toBe(locked);
    const invalid = managed !== ABSENT && managed !== 'UY';
    expect(result.problems.map((problem) => problem.setting)).toEqual(
      invalid ? ['defaultCountry'] : [],
    );
  });

  it('resolves every setting, each with its source', () => {
    const { settings, sources, locked, problems } = resolve(
      {
        values: { instance: 'acme', autoAnswer: false },
        lockedSettings: ['autoAnswer'],
      },
      { debug: true, instance: 'contoso', autoAnswer: true },
    );
    expect(settings).toEqual({ ...builtIn, instance: 'contoso', autoAnswer: false, debug: true });
    expect(sources).toEqual({
      ...Object.fromEntries(Object.keys(builtIn).map((key) => [key, 'built-in'])),
      instance: 'user',
      autoAnswer: 'managed-locked',
      debug: 'user',
    });
    expect([...locked]).toEqual(['autoAnswer']);
    expect(problems).toEqual([]);
  });

  it('lets an agent’s explicit "no dial plan" win over a managed default plan', () => {
    const result = resolve({ values: { dialPlan: { homeCountry: 'UY' } } }, { dialPlan: null });
    expect(result.settings.dialPlan).toBeNull();
    expect(result.sources.dialPlan).toBe('user');
  });

  it('uses a managed default plan when the agent set none', () => {
    const result = resolve({ values: { dialPlan: { homeCountry: 'UY', outsideLinePrefix: '9' } } });
    expect(result.settings.dialPlan).toEqual({ homeCountry: 'UY', outsideLinePrefix: '9' });
    expect(result.sources.dialPlan).toBe('managed-default');
  });
});

describe('resolveSettings problems', () => {
  it('ignores unknown policy keys and settings that are not managed, reporting each once', () => {
    const result = resolve(
      { values: { colour: 'blue', debug: true }, lockedSettings: ['debug', 'colour'] },
      {},
    );
    expect(result.settings.debug).toBe(false);
    expect(result.sources.debug).toBe('built-in');
    expect(result.locked.size).toBe(0);
    expect(result.problems).toEqual([
      { setting: 'colour', message: { key: 'managedSettingUnknown', substitutions: ['colour'] } },
      { setting: 'debug', message: { key: 'managedSettingUnknown', substitutions: ['debug'] } },
    ]);
  });

  it.each([['autoAnswer'], [['autoAnswer', 7]], [{ autoAnswer: true }]])(
    'ignores a lockedSettings value that is not a list of names: %j',
    (lockedSettings) => {
      const result = resolve({ values: { autoAnswer: false }, lockedSettings });
      expect(result.locked.size).toBe(0);
      expect(result.sources.autoAnswer).toBe('managed-default');
      expect(result.problems).toEqual([
        {
          setting: 'lockedSettings',
          message: { key: 'managedSettingInvalid', substitutions: ['lockedSettings'] },
        },
      ]);
    },
  );

  it.each<[string, unknown, unknown]>([
    ['instance', ' acme ', 'acme'],
    ['instance', 'https://pbx.example.com', 'https://pbx.example.com'],
    ['instance', '', ''],
    ['sipServer', 'wss://pbx.example.com:8089/ws', 'wss://pbx.example.com:8089/ws'],
    ['sipServer', '', ''],
    ['defaultCountry', 'uy', 'UY'],
    ['defaultCountry', '', ''],
    ['autoAnswer', false, false],
    [
      'screenPop',
      { when: 'answer', template: 'https://crm.example.com/search?q={number}' },
      { when: 'answer', template: 'https://crm.example.com/search?q={number}' },
    ],
    ['screenPop', { when: 'never', template: '' }, { when: 'never', template: '' }],
    [
      'enabledSites',
      ['https://crm.example.com/', 'https://crm.example.com', 'http://10.0.0.5:8080'],
      ['https://crm.example.com', 'http://10.0.0.5:8080'],
    ],
    ['enabledSites', [], []],
    [
      'dialPlan',
      { homeCountry: 'AR', outsideLinePrefix: '0' },
      { homeCountry: 'AR', outsideLinePrefix: '0' },
    ],
    ['dialPlan', null, null],
    [
      'campaigns',
      [{ name: 'Ventas->', callerId: '+59829001234', context: 'from-internal' }],
      [{ name: 'Ventas->', callerId: '+59829001234', context: 'from-internal' }],
    ],
    ['campaigns', [], []],
    ['callRouting', 'campaign', 'campaign'],
    ['callRouting', 'direct', 'direct'],
    ['breakReasons', ['Lunch', ' Training'], ['Lunch', 'Training']],
    ['dispositions', { '*': ['Sale>Card'] }, { '*': ['Sale > Card'] }],
    ['wrapUpSeconds', 30, 30],
  ])('accepts managed %s %j as %j', (setting, value, expected) => {
    const result = resolve({ values: { [setting]: value } });
    expect(result.problems).toEqual([]);
    expect(result.settings[setting as keyof Settings]).toEqual(expected);
  });

  it.each<[string, unknown, { key: string; substitutions: string[] } | undefined]>([
    ['instance', 42, undefined],
    [
      'instance',
      'not an instance!',
      { key: 'errorInstanceInvalid', substitutions: ['not an instance!'] },
    ],
    [
      'instance',
      'http://pbx.example.com',
      { key: 'errorInstanceInsecure', substitutions: ['http://pbx.example.com'] },
    ],
    ['sipServer', 'https://pbx.example.com', { key: 'errorSipServerInvalid', substitutions: [] }],
    [
      'sipServer',
      'ws://pbx.example.com:8088/ws',
      { key: 'errorSipServerInsecure', substitutions: ['pbx.example.com:8088'] },
    ],
    ['defaultCountry', 'Uruguay', undefined],
    ['autoAnswer', 'true', undefined],
    ['screenPop', { when: 'always', template: '' }, undefined],
    ['screenPop', { when: 'ring', template: '' }, undefined],
    ['screenPop', { when: 'ring', template: 'javascript:alert({number})' }, undefined],
    ['screenPop', { when: 'ring', template: 'https://crm.example.com/' }, undefined],
    ['screenPop', { when: 'ring' }, undefined],
    ['screenPop', { when: 'never', template: '', extra: 1 }, undefined],
    ['enabledSites', 'https://crm.example.com', undefined],
    [
      'enabledSites',
      ['ftp://files.example.com'],
      { key: 'errorSiteInvalid', substitutions: ['ftp://files.example.com'] },
    ],
    [
      'enabledSites',
      ['crm.example.com'],
      { key: 'errorSiteInvalid', substitutions: ['crm.example.com'] },
    ],
    ['dialPlan', 'UY', { key: 'dialPlanInvalid', substitutions: [] }],
    [
      'dialPlan',
      { homeCountry: 'UY', outsideLine: '9' },
      { key: 'dialPlanUnknownRule', substitutions: ['outsideLine'] },
    ],
    [
      'dialPlan',
      { homeCountry: 'UY', extensionLength: { min: 3, max: 9 } },
      { key: 'dialPlanExtensionLengthInvalid', substitutions: [] },
    ],
    ['campaigns', { name: 'Ventas->', callerId: '1' }, undefined],
    [
      'campaigns',
      [{ name: 'Ventas->', callerId: 'DID 1' }],
      { key: 'campaignCallerIdInvalid', substitutions: ['Ventas->'] },
    ],
    ['callRouting', 'auto', undefined],
    ['callRouting', true, undefined],
    ['breakReasons', 'Lunch', undefined],
    ['breakReasons', ['Lunch', 'LUNCH'], { key: 'breakReasonDuplicate', substitutions: ['LUNCH'] }],
    [
      'dispositions',
      { '*': ['A > B > C > D'] },
      { key: 'dispositionInvalid', substitutions: ['*', 'A > B > C > D'] },
    ],
    ['wrapUpSeconds', 3601, { key: 'wrapUpSecondsInvalid', substitutions: [] }],
    ['wrapUpSeconds', '30', { key: 'wrapUpSecondsInvalid', substitutions: [] }],
  ])('refuses managed %s %j', (setting, value, detail) => {
    const result = resolve({ values: { [setting]: value } });
    expect(result.sources[setting as keyof Settings]).toBe('built-in');
    expect(result.settings[setting as keyof Settings]).toEqual(builtIn[setting as keyof Settings]);
    expect(result.problems).toEqual([
      {
        setting,
        message: { key: 'managedSettingInvalid', substitutions: [setting] },
        ...(detail ? { detail } : {}),
      },
    ]);
  });
});

describe('splitManagedStorage', () => {
  it('takes lockedSettings out of the policy values', () => {
    expect(
      splitManagedStorage({ instance: 'acme', lockedSettings: ['instance'], autoAnswer: false }),
    ).toEqual({
      values: { instance: 'acme', autoAnswer: false },
      lockedSettings: ['instance'],
    });
  });

  it.each([[{}], [undefined], [null], [[]]])('reads %j as no policy', (raw) => {
    expect(splitManagedStorage(raw)).toEqual({ values: {}, lockedSettings: [] });
  });

  it('knows which settings an administrator can manage', () => {
    expect(MANAGED_SETTING_KEYS).toEqual([
      'instance',
      'sipServer',
      'defaultCountry',
      'autoAnswer',
      'screenPop',
      'enabledSites',
      'dialPlan',
      'campaigns',
      'callRouting',
      'breakReasons',
      'dispositions',
      'wrapUpSeconds',
      'blockedNumbers',
    ]);
  });
});

describe('the contact-center settings', () => {
  it('are lockable: a locked policy value wins over the agent’s own', () => {
    const campaigns = [{ name: 'Ventas->', callerId: '+59829001234' }];
    const result = resolve(
      {
        values: { campaigns, callRouting: 'campaign', wrapUpSeconds: 20 },
        lockedSettings: [
          'campaigns',
          'callRouting',
          'breakReasons',
          'dispositions',
          'wrapUpSeconds',
        ],
      },
      { campaigns: [], callRouting: 'direct', breakReasons: ['Mine'], wrapUpSeconds: 5 },
    );
    expect(result.problems).toEqual([]);
    expect(result.settings).toMatchObject({
      campaigns,
      callRouting: 'campaign',
      breakReasons: [],
      dispositions: {},
      wrapUpSeconds: 20,
    });
    expect([...result.locked].sort()).toEqual(
      ['breakReasons', 'callRouting', 'campaigns', 'dispositions', 'wrapUpSeconds'].sort(),
    );
  });

  it('keeps the agent’s chosen campaign out of the policy: a policy `campaign` is unknown', () => {
    const result = resolve({ values: { campaign: 'Ventas->' } }, { campaign: 'Cobranzas->' });
    expect(result.settings.campaign).toBe('Cobranzas->');
    expect(result.problems).toEqual([
      {
        setting: 'campaign',
        message: { key: 'managedSettingUnknown', substitutions: ['campaign'] },
      },
    ]);
  });

  it('default to direct calls, no campaigns, breaks or results, and no timed wrap-up', () => {
    expect(resolve({}).settings).toMatchObject({
      campaigns: [],
      callRouting: 'direct',
      breakReasons: [],
      dispositions: {},
      wrapUpSeconds: 0,
      campaign: '',
    });
  });
});

describe('resolveSettings unknown locked names', () => {
  it('reports a locked name the policy sets no value for', () => {
    expect(resolve({ lockedSettings: ['audioInputId'] }).problems).toEqual([
      {
        setting: 'audioInputId',
        message: { key: 'managedSettingUnknown', substitutions: ['audioInputId'] },
      },
    ]);
  });
});

describe('blockedNumbers adds up: an agent can block more, never unblock', () => {
  const policy = { values: { blockedNumbers: ['+1900*', '+44 9*'] } };

  it('the policy list alone, then the policy list with the agent’s own', () => {
    expect(resolve(policy).settings.blockedNumbers).toEqual(['+1900*', '+44 9*']);
    const both = resolve(policy, { blockedNumbers: ['+34905*', '+1900*'] });
    expect(both.settings.blockedNumbers).toEqual(['+1900*', '+44 9*', '+34905*']);
    expect(both.policyBlockedNumbers).toEqual(['+1900*', '+44 9*']);
  });

  it('an agent’s empty list removes nothing', () => {
    expect(resolve(policy, { blockedNumbers: [] }).settings.blockedNumbers).toEqual([
      '+1900*',
      '+44 9*',
    ]);
  });

  it('locked: the policy list is the only one', () => {
    const locked = resolve(
      { ...policy, lockedSettings: ['blockedNumbers'] },
      { blockedNumbers: ['+34905*'] },
    );
    expect(locked.settings.blockedNumbers).toEqual(['+1900*', '+44 9*']);
    expect(locked.locked.has('blockedNumbers')).toBe(true);
  });

  it('one invalid entry refuses the whole policy value, and says why', () => {
    const result = resolve({ values: { blockedNumbers: ['+1900*', 'premium'] } });
    expect(result.settings.blockedNumbers).toEqual([]);
    expect(result.policyBlockedNumbers).toEqual([]);
    expect(result.problems).toEqual([
      {
        setting: 'blockedNumbers',
        message: { key: 'managedSettingInvalid', substitutions: ['blockedNumbers'] },
        detail: { key: 'errorBlockedPatternInvalid', substitutions: [] },
      },
    ]);
  });
});
