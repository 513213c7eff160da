import { describe, expect, it } from 'vitest';
import {
  dispositionTree,
  parseBreakReasons,
  parseCampaigns,
  parseDispositions,
  parseWrapUpSeconds,
} from '@/utils/settings/contact-center';
import { refusal } from '../helpers/failure';

describe('parseCampaigns', () => {
  it.each<[unknown, unknown]>([
    [[], []],
    [
      [{ name: 'Ventas->', callerId: '+59829001234' }],
      [{ name: 'Ventas->', callerId: '+59829001234' }],
    ],
    [
      [{ name: ' Cobranzas-> ', callerId: ' 29005678 ', context: ' from-internal ' }],
      [{ name: 'Cobranzas->', callerId: '29005678', context: 'from-internal' }],
    ],
    // Any non-empty name: inbound (`<-`) and names without an arrow are uContact's to judge.
    [[{ name: 'Soporte<-', callerId: '1' }], [{ name: 'Soporte<-', callerId: '1' }]],
    [
      [{ name: 'x'.repeat(64), callerId: '9'.repeat(20) }],
      [{ name: 'x'.repeat(64), callerId: '9'.repeat(20) }],
    ],
    [
      [{ name: 'Ventas 🎧->', callerId: '1', context: 'A_z-9' }],
      [{ name: 'Ventas 🎧->', callerId: '1', context: 'A_z-9' }],
    ],
  ])('accepts %j', (value, expected) => {
    expect(parseCampaigns(value)).toEqual(expected);
  });

  it.each<[unknown, string, string[]]>([
    ['Ventas->', 'managedSettingInvalid', []],
    [{ name: 'Ventas->', callerId: '1' }, 'managedSettingInvalid', []],
    [['Ventas->'], 'campaignNameInvalid', ['1']],
    [[null], 'campaignNameInvalid', ['1']],
    [[{ callerId: '1' }], 'campaignNameInvalid', ['1']],
    [[{ name: '   ', callerId: '1' }], 'campaignNameInvalid', ['1']],
    [[{ name: 'x'.repeat(65), callerId: '1' }], 'campaignNameInvalid', ['1']],
    [
      [
        { name: 'A->', callerId: '1' },
        { name: 7, callerId: '1' },
      ],
      'campaignNameInvalid',
      ['2'],
    ],
    [[{ name: 'A->', callerId: '1', queue: 'x' }], 'campaignUnknownField', ['1', 'queue']],
    [[{ name: 'A->', callerid: '1' }], 'campaignUnknownField', ['1', 'callerid']],
    [[{ name: 'A->' }], 'campaignCallerIdInvalid', ['A->']],
    [[{ name: 'A->', callerId: '' }], 'campaignCallerIdInvalid', ['A->']],
    [[{ name: 'A->', callerId: 29001234 }], 'campaignCallerIdInvalid', ['A->']],
    [[{ name: 'A->', callerId: '+598 2900 1234' }], 'campaignCallerIdInvalid', ['A->']],
    [[{ name: 'A->', callerId: '++1' }], 'campaignCallerIdInvalid', ['A->']],
    [[{ name: 'A->', callerId: '1'.repeat(21) }], 'campaignCallerIdInvalid', ['A->']],
    [[{ name: 'A->', callerId: '1', context: '' }], 'campaignContextInvalid', ['A->']],
    [[{ name: 'A->', callerId: '1', context: 'from internal' }], 'campaignContextInvalid', ['A->']],
    [[{ name: 'A->', callerId: '1', context: 'ctx;evil' }], 'campaignContextInvalid', ['A->']],
    [[{ name: 'A->', callerId: '1', context: 5 }], 'campaignContextInvalid', ['A->']],
    [
      [
        { name: 'A->', callerId: '1' },
        { name: ' A-> ', callerId: '2' },
      ],
      'campaignDuplicate',
      ['A->'],
    ],
  ])('refuses %j with %s', (value, key, substitutions) => {
    expect(refusal(() => parseCampaigns(value))).toEqual({ key, substitutions });
  });
});

describe('parseBreakReasons', () => {
  it.each<[unknown, string[]]>([
    [[], []],
    [
      ['Lunch', ' Training ', 'Baño'],
      ['Lunch', 'Training', 'Baño'],
    ],
    [['x'.repeat(40)], ['x'.repeat(40)]],
  ])('accepts %j', (value, expected) => {
    expect(parseBreakReasons(value)).toEqual(expected);
  });

  it.each<[unknown, string, string[]]>([
    ['Lunch', 'managedSettingInvalid', []],
    [{ 0: 'Lunch' }, 'managedSettingInvalid', []],
    [['Lunch', ''], 'breakReasonInvalid', ['2', '']],
    [['  '], 'breakReasonInvalid', ['1', '']],
    [['x'.repeat(41)], 'breakReasonInvalid', ['1', 'x'.repeat(41)]],
    [[42], 'breakReasonInvalid', ['1', '']],
    [['Lunch', 'Training', 'lunch '], 'breakReasonDuplicate', ['lunch']],
  ])('refuses %j with %s', (value, key, substitutions) => {
    expect(refusal(() => parseBreakReasons(value))).toEqual({ key, substitutions });
  });
});

describe('parseDispositions', () => {
  it.each<[unknown, unknown]>([
    [{}, {}],
    [
      { 'Ventas->': ['Venta > Tarjeta', 'No interesado'], '*': ['Contactado'] },
      { 'Ventas->': ['Venta > Tarjeta', 'No interesado'], '*': ['Contactado'] },
    ],
    // Written again in one shape, and a repeat once.
    [
      { '*': [' Sale>Card ', 'Sale >  Card', 'Callback > Tomorrow > Morning'] },
      { '*': ['Sale > Card', 'Callback > Tomorrow > Morning'] },
    ],
    [{ 'Ventas->': [] }, { 'Ventas->': [] }],
    [{ '*': [`${'a'.repeat(60)} > b`] }, { '*': [`${'a'.repeat(60)} > b`] }],
  ])('accepts %j', (value, expected) => {
    expect(parseDispositions(value)).toEqual(expected);
  });

  it('keeps a campaign named __proto__ as a campaign, not as the object’s prototype', () => {
    const parsed = parseDispositions(JSON.parse('{ "__proto__": ["Venta"] }'));
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(dispositionTree(parsed, '__proto__')).toEqual([{ label: 'Venta', children: [] }]);
  });

  it.each<[unknown, string, string[]]>([
    [['Sale'], 'managedSettingInvalid', []],
    ['Sale', 'managedSettingInvalid', []],
    [null, 'managedSettingInvalid', []],
    [{ '': ['Sale'] }, 'dispositionCampaignInvalid', ['']],
    [{ ' Ventas->': ['Sale'] }, 'dispositionCampaignInvalid', [' Ventas->']],
    [{ ['x'.repeat(65)]: ['Sale'] }, 'dispositionCampaignInvalid', ['x'.repeat(65)]],
    [{ '*': 'Sale' }, 'dispositionListInvalid', ['*']],
    [{ '*': { Sale: [] } }, 'dispositionListInvalid', ['*']],
    [{ '*': [''] }, 'dispositionInvalid', ['*', '']],
    [{ '*': ['Sale > '] }, 'dispositionInvalid', ['*', 'Sale > ']],
    [{ '*': ['> Card'] }, 'dispositionInvalid', ['*', '> Card']],
    [{ '*': ['A > B > C > D'] }, 'dispositionInvalid', ['*', 'A > B > C > D']],
    [
      { '*': [`Sale > ${'c'.repeat(61)}`] },
      'dispositionInvalid',
      ['*', `Sale > ${'c'.repeat(61)}`],
    ],
    [{ 'Ventas->': [7] }, 'dispositionInvalid', ['Ventas->', '7']],
  ])('refuses %j with %s', (value, key, substitutions) => {
    expect(refusal(() => parseDispositions(value))).toEqual({ key, substitutions });
  });
});

describe('parseWrapUpSeconds', () => {
  it.each([0, 1, 30, 3600])('accepts %j', (value) => {
    expect(parseWrapUpSeconds(value)).toBe(value);
  });

  it.each([-1, 3601, 1.5, '30', null, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %j',
    (value) => {
      expect(refusal(() => parseWrapUpSeconds(value))).toEqual({
        key: 'wrapUpSecondsInvalid',
        substitutions: [],
      });
    },
  );
});

describe('dispositionTree', () => {
  const dispositions = {
    'Ventas->': ['Venta > Tarjeta', 'Venta > Transferencia > Local', 'No interesado', 'Venta'],
    'Cobranzas->': [],
    '*': ['Contactado', 'No contesta > Buzón'],
  };

  it('builds the campaign’s own results as a tree, merging labels in first-seen order', () => {
    expect(dispositionTree(dispositions, 'Ventas->')).toEqual([
      {
        label: 'Venta',
        children: [
          { label: 'Tarjeta', children: [] },
          { label: 'Transferencia', children: [{ label: 'Local', children: [] }] },
        ],
      },
      { label: 'No interesado', children: [] },
    ]);
  });

  it('falls back to * for a campaign without results of its own, or with an empty list', () => {
    const any = [
      { label: 'Contactado', children: [] },
      { label: 'No contesta', children: [{ label: 'Buzón', children: [] }] },
    ];
    expect(dispositionTree(dispositions, 'Soporte->')).toEqual(any);
    expect(dispositionTree(dispositions, 'Cobranzas->')).toEqual(any);
    expect(dispositionTree(dispositions, '')).toEqual(any);
  });

  it('offers nothing when neither the campaign nor * has results', () => {
    expect(dispositionTree({}, 'Ventas->')).toEqual([]);
    expect(dispositionTree({ 'Ventas->': ['Venta'] }, 'Soporte->')).toEqual([]);
  });

  it('does not read inherited properties as campaigns', () => {
    expect(dispositionTree({ '*': ['Contactado'] }, 'constructor')).toEqual([
      { label: 'Contactado', children: [] },
    ]);
  });
});
