import { isSupportedCountry, type CountryCode } from './libphonenumber';

/**
 * The country national numbers (written without `+country`) belong to: the agent's setting when it
 * names a supported country, else the region of the first browser language that has one
 * (`es-UY` → UY; a bare `es` maximizes to ES, `pt` to BR, `en` to US). Undefined when nothing fits,
 * in which case only numbers written with `+country` are found.
 */
export function resolveDefaultCountry(
  setting: string | undefined,
  locales: readonly string[] = navigator.languages,
): CountryCode | undefined {
  const chosen = setting?.trim().toUpperCase();
  if (chosen && isSupportedCountry(chosen)) return chosen;
  for (const locale of locales) {
    const region = regionOf(locale, false);
    if (region) return region;
  }
  for (const locale of locales) {
    const region = regionOf(locale, true);
    if (region) return region;
  }
  return undefined;
}

/** The supported country a BCP 47 locale names (`es-UY` → UY), or implies when `maximize` is set. */
export function regionOf(locale: string, maximize: boolean): CountryCode | undefined {
  try {
    const parsed = new Intl.Locale(locale);
    const region = (maximize ? parsed.maximize() : parsed).region;
    return region && isSupportedCountry(region) ? region : undefined;
  } catch {
    // Not a well-formed language tag: it names no region.
    return undefined;
  }
}
