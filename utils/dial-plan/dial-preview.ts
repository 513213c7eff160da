import { sanitizeDialString } from '../phone-numbers/dial-string';
import { isSupportedCountry } from '../phone-numbers/libphonenumber';
import type { DialPlanRules } from './dial-plan-rules';
import { dialTarget } from './dial-target';

export interface DialPreviewOptions {
  /** The country national numbers belong to; one libphonenumber does not support counts as none. */
  country?: string;
  dialPlan: DialPlanRules | null;
  /**
   * Also answer when the plan leaves the number as it is: the options page's "Try a number" field
   * is asked what a number dials, so "as it is" is an answer there, not noise.
   */
  evenIfUnchanged?: boolean;
}

/**
 * What the house dial plan makes of `typed`, for the "Dials …" hints under the dial pad, in the
 * call buttons' tooltips and on the options page: the text is read as a dial string the way the
 * dial pad reads it (`sanitizeDialString`), then the plan is applied (`dialTarget`).
 *
 * Null when there is no plan, the text is no dial string, the plan is invalid (the options page
 * says why; a hint must not guess), or the plan changes nothing — the agent already sees that
 * number.
 */
export function dialPreview(typed: string, options: DialPreviewOptions): string | null {
  const { dialPlan } = options;
  if (!dialPlan) return null;
  const country =
    options.country && isSupportedCountry(options.country) ? options.country : undefined;
  const dial = sanitizeDialString(typed, country);
  if (!dial) return null;
  let target: string;
  try {
    target = dialTarget(dial, { dialPlan });
  } catch {
    return null;
  }
  return target !== dial || options.evenIfUnchanged ? target : null;
}
