import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '@/utils/phone-numbers/find-numbers';
import { parsePhoneNumberFromString, type CountryCode } from '@/utils/phone-numbers/libphonenumber';

/**
 * More countries for `findPhoneNumbers` (find-numbers.test.ts covers UY/AR/MX/ES/US/BR/GB): each
 * case is text as a CRM record shows it, the agent's default country, and exactly the dial strings
 * (E.164, in order) it must give — `[]` when everything in it only looks like a number.
 *
 * Numbers come from each country's fictional ranges where it has them (DE Bundesnetzagentur
 * "Drama" blocks 030 23125 / 069 90009 / 040 66969 / 0221 4710, FR ARCEP 01 99 00 / 06 39 98 /
 * 04 65 71…, US/CA 555-01xx, AU 0491 570 / 02 5550), otherwise from libphonenumber's examples or
 * the usual textbook numbers. Tax IDs carry correct check digits (RUT, NIT, SIREN, NIF, P.IVA, SIN).
 */
type Case = [country: CountryCode | undefined, text: string, dials: string[]];

const CASES: Record<string, Case[]> = {
  'Chile (CL)': [
    ['CL', 'Móvil: +56 9 6123 4567', ['+56961234567']],
    ['CL', 'Cel. 9 6123 4567', ['+56961234567']],
    ['CL', 'Fono: +56 2 2123 4567', ['+56221234567']],
    ['CL', 'Teléfono oficina (2) 2123 4567', ['+56221234567']],
    ['CL', 'Fono Viña del Mar: +56 32 212 3456', ['+56322123456']],
    ['CL', 'Mesa central 600 123 4567', ['+566001234567']],
    ['CL', 'Llamar al 961234567 después de las 15:00', ['+56961234567']],
    ['CL', 'RUT 12.345.678-5, fono +56 9 6123 4567, vence 31-12-2024', ['+56961234567']],
    ['CL', 'RUT 12.345.678-5', []],
    ['CL', 'RUT empresa: 76.543.210-3', []],
    ['CL', 'Cliente 21.234.567-9', []],
    ['CL', 'Total boleta: $ 45.990', []],
    ['CL', 'Monto CLP 1.234.567', []],
    ['CL', 'Vence 31-12-2024', []],
  ],
  'Colombia (CO)': [
    ['CO', 'Celular: +57 321 123 4567', ['+573211234567']],
    ['CO', 'Cel 300 123 4567', ['+573001234567']],
    ['CO', 'PBX: (601) 234 5678', ['+576012345678']],
    ['CO', 'Medellín 604 444 5555', ['+576044445555']],
    ['CO', 'Conmutador +57 601 234 5678', ['+576012345678']],
    ['CO', 'Línea gratuita 01 8000 123456', ['+5718000123456']],
    ['CO', 'Cel. 321 123 4567 · NIT 900.123.456-8 · $ 1.250.000', ['+573211234567']],
    ['CO', 'NIT 900.123.456-8', []],
    ['CO', 'C.C. 1.020.304.050', []],
    ['CO', 'CC 79.123.456', []],
    ['CO', 'Valor: $ 1.250.000', []],
    ['CO', 'Saldo $1.250.000 COP', []],
    ['CO', 'Radicado 20241234567', []],
  ],
  'Peru (PE)': [
    ['PE', 'Cel: +51 912 345 678', ['+51912345678']],
    ['PE', 'Celular 912 345 678', ['+51912345678']],
    ['PE', 'Central (01) 234-5678', ['+5112345678']],
    ['PE', 'Tel. 01 234 5678', ['+5112345678']],
    ['PE', 'Lima +51 1 234 5678', ['+5112345678']],
    ['PE', 'Trujillo (044) 123456', ['+5144123456']],
    ['PE', 'Línea gratuita 0800-12345', ['+5180012345']],
    ['PE', 'RUC 20123456789 — Cel. 912 345 678', ['+51912345678']],
    ['PE', 'RUC 20123456789', []],
    ['PE', 'RUC: 10456789123', []],
    ['PE', 'DNI 45678912', []],
    ['PE', 'Total S/ 1,250.00', []],
    ['PE', 'Boleta B001-00012345', []],
    ['PE', 'Factura F001-00004567', []],
  ],
  'Germany (DE)': [
    ['DE', 'Tel. 030 123456', ['+4930123456']],
    ['DE', 'Telefon: 030 23125 000', ['+493023125000']],
    ['DE', 'Zentrale +49 30 23125 000', ['+493023125000']],
    ['DE', 'Frankfurt 069 90009 123', ['+496990009123']],
    ['DE', 'Mobil: +49 171 2345678', ['+491712345678']],
    ['DE', 'Handy 0171 2345678', ['+491712345678']],
    ['DE', 'Mobil 0152 28817386', ['+4915228817386']],
    ['DE', 'Hamburg: 040 66969 123', ['+494066969123']],
    ['DE', 'Köln 0221 4710-123', ['+492214710123']],
    ['DE', 'Zentrale: +49 40 66969-0', ['+4940669690']],
    ['DE', 'Tel. +49 (0)30 23125 000', ['+493023125000']],
    ['DE', 'Fax 030/23125000', ['+493023125000']],
    ['DE', 'Service-Hotline 0800 1234567', ['+498001234567']],
    ['DE', 'Tel. 030 23125 000, Fax 030 23125 001', ['+493023125000', '+493023125001']],
    ['DE', '10115 Berlin', []],
    ['DE', 'PLZ 80331 München', []],
    ['DE', 'D-80331 München', []],
    ['DE', 'USt-IdNr. DE123456789', []],
    ['DE', 'am 12.05.2024 um 14:30 Uhr', []],
    ['DE', 'Betrag: 1.234,56 €', []],
    ['DE', 'IBAN DE89 3704 0044 0532 0130 00', []],
    ['DE', 'Öffnungszeiten Mo–Fr 9:00–18:00', []],
    ['DE', 'Rabatt 45,5 %', []],
    ['DE', 'Version 10.4.1234', []],
  ],
  'France (FR)': [
    ['FR', 'Tél. : 01 99 00 12 34', ['+33199001234']],
    ['FR', 'Portable +33 6 39 98 12 34', ['+33639981234']],
    ['FR', 'Mobile 06 39 98 12 34', ['+33639981234']],
    ['FR', 'Numéro vert 0 800 12 34 56', ['+33800123456']],
    ['FR', 'Lyon 04 65 71 12 34', ['+33465711234']],
    ['FR', 'Bordeaux 05 36 49 12 34', ['+33536491234']],
    ['FR', 'Standard +33 (0)1 99 00 12 34', ['+33199001234']],
    ['FR', 'Tél. 01.99.00.12.34', ['+33199001234']],
    ['FR', 'Fixe (box) 09 77 40 12 34', ['+33977401234']],
    ['FR', 'Tél. : 01 99 00 12 34 — Mobile : 06 39 98 12 34', ['+33199001234', '+33639981234']],
    ['FR', 'SIRET 732 829 320 00074', []],
    ['FR', 'N° TVA FR40 303 265 045', []],
    ['FR', '8 rue de la Paix, 75008 Paris', []],
    ['FR', 'RDV le 12/05/2024 à 14h30', []],
    ['FR', 'Montant : 1 234,56 €', []],
    ['FR', 'Capital social : 150 000 €', []],
    ['FR', 'N° de sécurité sociale 1 85 05 78 006 084 36', []],
    ['FR', 'Facture n° 2024-0456', []],
    ['FR', 'IBAN FR76 3000 6000 0112 3456 7890 189', []],
  ],
  'Italy (IT)': [
    ['IT', 'Tel. 02 1234 5678', ['+390212345678']],
    ['IT', 'Milano +39 02 1234 5678', ['+390212345678']],
    ['IT', 'Cell. 347 123 4567', ['+393471234567']],
    ['IT', 'Cellulare +39 333 123 4567', ['+393331234567']],
    ['IT', 'Roma 06 6988 1234', ['+390669881234']],
    ['IT', 'Numero verde 800 123 456', ['+39800123456']],
    ['IT', 'Torino 011 123 4567', ['+390111234567']],
    ['IT', 'Firenze 055 123456', ['+39055123456']],
    ['IT', 'P.IVA IT01234560157 – Tel. 02 1234 5678', ['+390212345678']],
    ['IT', 'Codice fiscale RSSMRA85T10A562S', []],
    ['IT', 'Partita IVA IT01234560157', []],
    ['IT', 'CAP 00184 Roma', []],
    ['IT', 'Importo € 1.234,56', []],
    ['IT', 'Scadenza 12/05/2024', []],
    ['IT', 'Fattura n. 2024/0456', []],
    ['IT', 'IBAN IT60 X054 2811 1010 0000 0123 456', []],
    ['IT', 'REA MI-1234567', []],
  ],
  'India (IN)': [
    ['IN', 'Mobile: +91 98765 43210', ['+919876543210']],
    ['IN', 'Mob. 98765 43210', ['+919876543210']],
    ['IN', 'Mobile 098765 43210', ['+919876543210']],
    ['IN', 'WhatsApp 9876543210', ['+919876543210']],
    ['IN', 'Delhi office 011 2345 6789', ['+911123456789']],
    ['IN', 'Bengaluru 080-2345 6789', ['+918023456789']],
    ['IN', 'Bengaluru +91 80 4567 8901', ['+918045678901']],
    ['IN', 'Mumbai +91-22-2345-6789', ['+912223456789']],
    ['IN', 'Toll free 1800 123 4567', ['+9118001234567']],
    ['IN', '+91 98765 43210 / 080-2345 6789', ['+919876543210', '+918023456789']],
    ['IN', 'PIN 560001', []],
    ['IN', 'Bengaluru - 560001', []],
    ['IN', 'Mumbai 400 001', []],
    ['IN', 'Aadhaar 2345 6789 0123', []],
    ['IN', 'PAN ABCDE1234F', []],
    ['IN', 'GSTIN 29ABCDE1234F1Z5', []],
    ['IN', 'Amount ₹ 12,50,000', []],
    ['IN', 'Rs. 1,23,456.00', []],
    ['IN', 'IFSC SBIN0001234', []],
    ['IN', 'A/c No. 30123456789', []],
    ['IN', 'Order ID 9876543210', []],
  ],
  'Portugal (PT)': [
    ['PT', 'Telemóvel: +351 912 345 678', ['+351912345678']],
    ['PT', 'Telemóvel 912 345 678', ['+351912345678']],
    ['PT', 'Tlm. 96 123 4567', ['+351961234567']],
    ['PT', 'Lisboa 21 234 5678', ['+351212345678']],
    ['PT', 'Porto 22 123 4567', ['+351221234567']],
    ['PT', 'Sede (+351) 213 456 789', ['+351213456789']],
    ['PT', 'Linha grátis 800 123 456', ['+351800123456']],
    ['PT', 'Apoio ao cliente 707 123 456', ['+351707123456']],
    ['PT', 'NIF 123 456 789', []],
    ['PT', 'NIF: 212 345 672', []],
    ['PT', 'NIPC 501234560', []],
    ['PT', 'Rua de Santa Catarina, 4000-123 Porto', []],
    ['PT', 'Av. da Liberdade, 1000-001 Lisboa', []],
    ['PT', 'Total 1.234,56 €', []],
    ['PT', 'Fatura FT 2024/456', []],
    ['PT', 'IBAN PT50 0002 0123 1234 5678 9015 4', []],
    ['PT', 'Cartão de Cidadão 12345678 9 ZZ1', []],
  ],
  'Canada (CA)': [
    ['CA', 'Office: (416) 555-0123', ['+14165550123']],
    ['CA', 'Cell +1 604 555 0199', ['+16045550199']],
    ['CA', 'Montréal 514.555.0147', ['+15145550147']],
    ['CA', 'Ottawa 613-555-0123', ['+16135550123']],
    ['CA', 'Calgary +1 (403) 555-0111', ['+14035550111']],
    ['CA', 'Sans frais 1-888-555-0100', ['+18885550100']],
    ['CA', 'Toll-free 1 800 555 0100', ['+18005550100']],
    ['CA', 'Toronto, ON M5V 3L9', []],
    ['CA', 'H2X 1Y4 Montréal', []],
    ['CA', 'SIN 046 454 286', []],
    ['CA', 'SIN: 046-454-286', []],
    ['CA', 'BN 123456789 RT0001', []],
    ['CA', 'GST/HST 123456789RT0001', []],
    ['CA', 'Balance C$ 1,234.56', []],
    ['CA', 'Order 416-555-0123', []],
  ],
  'Australia (AU)': [
    ['AU', 'Mobile 0491 570 156', ['+61491570156']],
    ['AU', 'Mob: +61 491 570 156', ['+61491570156']],
    ['AU', 'Sydney office (02) 5550 1234', ['+61255501234']],
  ],
  'Uruguay (UY), more': [
    ['UY', 'Cel. 098 765 432', ['+59898765432']],
    ['UY', 'Desde el exterior: 00598 99 123 456', ['+59899123456']],
    ['UY', 'Fijo Maldonado 4222 1234', ['+59842221234']],
    ['UY', 'RUT 211234560019', []],
    ['UY', 'CI 4.123.456-7', []],
  ],
  'Argentina (AR), more': [
    ['AR', 'Tel. +54 11 4321-5678', ['+541143215678']],
    ['AR', 'Cel: 11 15 2345-6789', ['+5491123456789']],
    ['AR', 'Córdoba +54 9 351 423-4567', ['+5493514234567']],
    ['AR', 'Rosario 0341 421-2345', ['+543414212345']],
    ['AR', 'DNI 30.123.456', []],
    ['AR', 'CUIL 27-30123456-4', []],
    ['AR', 'Total $ 12.345,67', []],
  ],
  'Mexico (MX), more': [
    ['MX', 'Monterrey (81) 8123 4567', ['+528181234567']],
    ['MX', 'Guadalajara +52 (33) 3616 0000', ['+523336160000']],
    ['MX', 'Whatsapp: 55 1234 5678', ['+525512345678']],
    ['MX', 'RFC GODE561231GR8', []],
    ['MX', 'CURP GODE561231HDFRRN09', []],
    ['MX', 'CP 06600', []],
    ['MX', 'Total $12,345.00 MXN', []],
  ],
  'Brazil (BR), more': [
    ['BR', 'Celular +55 (11) 98765-4321', ['+5511987654321']],
    ['BR', 'Fixo 11 3456-7890', ['+551134567890']],
    ['BR', 'Tel. (011) 98765-4321', ['+5511987654321']],
    ['BR', 'Brasília (61) 3234-5678', ['+556132345678']],
    ['BR', 'RG 12.345.678-9', []],
    ['BR', 'Protocolo 2024123456789', []],
    ['BR', 'CEP 20040-020', []],
  ],
  'another country than the default': [
    ['DE', 'Paris: +33 1 99 00 12 34', ['+33199001234']],
    ['IT', 'Berlino +49 171 2345678', ['+491712345678']],
    ['IN', 'Toronto office +1 (416) 555-0123', ['+14165550123']],
    ['CL', 'Bogotá: +57 321 123 4567', ['+573211234567']],
    ['PT', 'São Paulo: +55 11 98765-4321', ['+5511987654321']],
    ['CA', 'Paris +33 6 39 98 12 34', ['+33639981234']],
    [undefined, 'Mobil +49 171 2345678', ['+491712345678']],
    [undefined, 'Handy 0171 2345678', []],
  ],
};

describe('findPhoneNumbers, more countries', () => {
  describe.each(Object.entries(CASES))('%s', (_name, cases) => {
    it.each(cases)('%s %j → %j', (country, text, expected) => {
      // The expectation itself must be a valid number in E.164, by the same metadata.
      for (const dial of expected) {
        const parsed = parsePhoneNumberFromString(dial);
        expect(parsed?.isValid(), `${dial} is valid`).toBe(true);
        expect(parsed?.number).toBe(dial);
      }
      const found = findPhoneNumbers(text, { defaultCountry: country });
      expect(found.map((match) => match.dial)).toEqual(expected);
    });
  });

  describe('extensions in local words are kept', () => {
    it.each<[CountryCode, string, string, string]>([
      ['CL', 'Fono +56 2 2123 4567 anexo 123', '+56221234567', '123'],
      ['PE', 'Central (01) 234-5678 anexo 123', '+5112345678', '123'],
      ['CO', 'PBX (601) 234 5678 ext. 1203', '+576012345678', '1203'],
      ['IT', 'Tel. 02 1234 5678 interno 21', '+390212345678', '21'],
      ['PT', 'Lisboa 21 234 5678 extensão 3', '+351212345678', '3'],
      ['CA', 'Office (416) 555-0123 ext. 204', '+14165550123', '204'],
      ['IN', '+91 98765 43210 ext 12', '+919876543210', '12'],
    ])('%s %j', (country, text, dial, extension) => {
      expect(findPhoneNumbers(text, { defaultCountry: country })).toMatchObject([
        { dial, extension },
      ]);
    });
  });
});

/**
 * Detection bugs these countries revealed, now fixed (the CEP rule only for Brazil, tax and order
 * labels in German, French, Italian, Portuguese and Spanish, year-month serials, `poste`
 * extensions): each case states the right answer and names what used to go wrong.
 */
describe('findPhoneNumbers, formerly misread (regressions)', () => {
  it.each<[bug: string, country: CountryCode, text: string, dials: string[]]>([
    [
      'DE number with a DIN 5008 hyphenated extension (030 23125-000) is masked as a Brazilian CEP',
      'DE',
      'Tel. 030 23125-000',
      ['+493023125000'],
    ],
    [
      'DE number with a DIN 5008 hyphenated extension (+49 89 99998-123) is masked as a Brazilian CEP',
      'DE',
      'Zentrale +49 89 99998-123',
      ['+498999998123'],
    ],
    [
      'DE Steuernummer (21/815/08150) is taken for a phone number',
      'DE',
      'St.-Nr. 21/815/08150',
      [],
    ],
    [
      'DE commercial register number (HRB 123456) is taken for a phone number',
      'DE',
      'Amtsgericht Charlottenburg, HRB 123456 B',
      [],
    ],
    [
      'DE invoice number after a German label (Rechnungsnr. 2024-0456) is taken for a phone number',
      'DE',
      'Rechnungsnr. 2024-0456',
      [],
    ],
    [
      'CO NIT written without dots (900123456-8) is taken for a phone number',
      'CO',
      'NIT: 900123456-8',
      [],
    ],
    [
      'FR SIREN (732 829 320) is taken for a mobile written without its 0',
      'FR',
      'SIREN 732 829 320',
      [],
    ],
    [
      'FR RCS registration (RCS Paris B 732 829 320) is taken for a mobile written without its 0',
      'FR',
      'RCS Paris B 732 829 320',
      [],
    ],
    ['IT Partita IVA (01234560157) is taken for a landline', 'IT', 'P. IVA e C.F. 01234560157', []],
    [
      'PT NIF after "Contribuinte" (212 345 672) is taken for a Lisbon landline',
      'PT',
      'N.º Contribuinte: 212 345 672',
      [],
    ],
    [
      'US ABA routing number (021000021) is taken for a Uruguayan landline when the default is UY',
      'UY',
      'ACH routing 021000021',
      [],
    ],
    [
      'US YYYY-MM-NNNN lot number (2024-05-0012) is taken for a Washington DC number',
      'US',
      'Lot 2024-05-0012',
      [],
    ],
  ])('fixed: %s — no longer', (_bug, country, text, dials) => {
    expect(findPhoneNumbers(text, { defaultCountry: country }).map((m) => m.dial)).toEqual(dials);
  });

  it('CA/FR extension word "poste" (514 555-0147, poste 204) is kept for DTMF after the call connects', () => {
    expect(
      findPhoneNumbers('Montréal 514 555-0147, poste 204', { defaultCountry: 'CA' }),
    ).toMatchObject([{ dial: '+15145550147', extension: '204' }]);
  });
});
