// The metadata variant the wrapper (`../phone-numbers/libphonenumber.ts`) picks; it does not
// re-export `Metadata` and `getCountryCallingCode` yet, so this file is the one place reading them.
import { Metadata, getCountryCallingCode } from 'libphonenumber-js/min';
import type { CountryCode } from '../phone-numbers/libphonenumber';

/** A country's dialling facts, from libphonenumber's metadata (ITU-T national numbering plans). */
export interface NumberingPlan {
  /** `598` for UY, `1` for the US (and the rest of the NANP). */
  callingCode: string;
  /** Trunk prefix before domestic numbers: UY, AR, BR `0`; US `1`; ES, MX none (empty). */
  nationalPrefix: string;
  /**
   * Prefix before foreign numbers: UY, AR, ES, MX, BR `00`; US `011`. Where the metadata has only
   * a pattern, its leading digits (Brazil's `00` + carrier code → `00`); where not even those
   * (Chile), `+`: foreign numbers stay E.164.
   */
  internationalPrefix: string;
}

export function numberingPlan(country: CountryCode): NumberingPlan {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country);
  // `nationalPrefix()` exists at runtime (metadata v4) but is missing from the published types.
  const plan = metadata.numberingPlan as
    (NonNullable<Metadata['numberingPlan']> & { nationalPrefix(): unknown }) | undefined;
  const national = plan?.nationalPrefix();
  // `~` in an IDD prefix means "wait for a dial tone" (Russia's 8~10); a PBX dials straight on.
  const idd = (plan?.defaultIDDPrefix() || plan?.IDDPrefix() || '').replace(/~/g, '');
  return {
    callingCode: getCountryCallingCode(country),
    nationalPrefix: typeof national === 'string' && /^\d+$/.test(national) ? national : '',
    internationalPrefix: /^\d+$/.test(idd) ? idd : (/^\d{2,}/.exec(idd)?.[0] ?? '+'),
  };
}
