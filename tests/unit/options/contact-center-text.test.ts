import { describe, expect, it } from 'vitest';
import {
  breakReasonsFromText,
  breakReasonsText,
  campaignRows,
  campaignsFromRows,
  dispositionsFromText,
  dispositionsText,
  wrapUpSecondsFromText,
} from '@/utils/options/contact-center-text';
import { refusal } from '../helpers/failure';

const row = (name: string, callerId: string, context = '') => ({ name, callerId, context });

describe('campaign rows', () => {
  it('round-trip campaigns, an absent context as an empty field', () => {
    const campaigns = [
      { name: 'Ventas->', callerId: '+59829001234' },
      { name: 'Cobranzas->', callerId: '29005678', context: 'from-internal' },
    ];
    expect(campaignRows(campaigns)).toEqual([
      row('Ventas->', '+59829001234'),
      row('Cobranzas->', '29005678', 'from-internal'),
    ]);
    expect(campaignsFromRows(campaignRows(campaigns))).toEqual(campaigns);
  });

  it('skip a row left wholly empty (just added), but not a half-filled one', () => {
    expect(campaignsFromRows([row('Ventas->', '1'), row(' ', '', '')])).toEqual([
      { name: 'Ventas->', callerId: '1' },
    ]);
    expect(refusal(() => campaignsFromRows([row('', '', ''), row('', '1')]))).toEqual({
      key: 'campaignNameInvalid',
      substitutions: ['2'],
    });
  });

  it.each<[ReturnType<typeof row>[], string, string[]]>([
    [[row('Ventas->', '')], 'campaignCallerIdInvalid', ['Ventas->']],
    [[row('Ventas->', '1', 'from internal')], 'campaignContextInvalid', ['Ventas->']],
    [[row('Ventas->', '1'), row('Ventas->', '2')], 'campaignDuplicate', ['Ventas->']],
  ])('refuse %j with %s', (rows, key, substitutions) => {
    expect(refusal(() => campaignsFromRows(rows))).toEqual({ key, substitutions });
  });
});

describe('break reasons text', () => {
  it('is one reason a line, blank lines ignored', () => {
    expect(breakReasonsFromText('Almuerzo\n\n  Baño  \nCapacitación\n')).toEqual([
      'Almuerzo',
      'Baño',
      'Capacitación',
    ]);
    expect(breakReasonsText(['Almuerzo', 'Baño'])).toBe('Almuerzo\nBaño');
    expect(breakReasonsFromText('')).toEqual([]);
  });

  it('refuses a repeated or overlong reason', () => {
    expect(refusal(() => breakReasonsFromText('Lunch\nlunch'))).toEqual({
      key: 'breakReasonDuplicate',
      substitutions: ['lunch'],
    });
    expect(refusal(() => breakReasonsFromText('x'.repeat(41))).key).toBe('breakReasonInvalid');
  });
});

describe('call results text', () => {
  it('is one result a line, grouped by campaign in the order they appear', () => {
    const text =
      'Ventas->: Venta > Tarjeta\n*: Contactado\n\nVentas->:No interesado\n  *: No contesta > Buzón';
    const dispositions = {
      'Ventas->': ['Venta > Tarjeta', 'No interesado'],
      '*': ['Contactado', 'No contesta > Buzón'],
    };
    expect(dispositionsFromText(text)).toEqual(dispositions);
    expect(dispositionsText(dispositions)).toBe(
      'Ventas->: Venta > Tarjeta\nVentas->: No interesado\n*: Contactado\n*: No contesta > Buzón',
    );
    expect(dispositionsFromText(dispositionsText(dispositions))).toEqual(dispositions);
    expect(dispositionsFromText('  \n')).toEqual({});
    expect(dispositionsText({ '*': ['Contactado'], 'Ventas->': ['Venta'] })).toBe(
      'Ventas->: Venta\n*: Contactado',
    );
  });

  it('keeps a result’s own colons, and a known campaign’s colon in its name', () => {
    expect(dispositionsFromText('Ventas->: Callback: tomorrow')).toEqual({
      'Ventas->': ['Callback: tomorrow'],
    });
    expect(dispositionsFromText('Ventas:Norte->: Venta', ['Ventas:Norte->'])).toEqual({
      'Ventas:Norte->': ['Venta'],
    });
  });

  it.each<[string, string, string[]]>([
    ['Ventas->: Venta\nVenta > Tarjeta', 'dispositionLineInvalid', ['2']],
    [': Venta', 'dispositionCampaignInvalid', ['']],
    ['Ventas->: A > B > C > D', 'dispositionInvalid', ['Ventas->', 'A > B > C > D']],
    ['*: Venta >', 'dispositionInvalid', ['*', 'Venta >']],
  ])('refuses %j whole with %s', (text, key, substitutions) => {
    expect(refusal(() => dispositionsFromText(text))).toEqual({ key, substitutions });
  });
});

describe('wrap-up seconds text', () => {
  it.each([
    ['0', 0],
    [' 45 ', 45],
    ['3600', 3600],
  ])('reads %j as %i', (text, seconds) => {
    expect(wrapUpSecondsFromText(text)).toBe(seconds);
  });

  it.each(['', ' ', '-5', '3601', '2.5', 'ten'])('refuses %j', (text) => {
    expect(refusal(() => wrapUpSecondsFromText(text)).key).toBe('wrapUpSecondsInvalid');
  });
});
