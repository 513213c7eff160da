import { dialTarget } from '../dial-plan/dial-target';
import { AppError, toErrorInfo } from '../errors';
import type { DialRequest, Result } from '../messages';
import { sanitizeDialString } from '../phone-numbers/dial-string';
import type { Settings } from '../settings/settings';
import type { PhoneHostLink } from './phone-host-link';

/** The longest number-as-shown kept for the UI; pages may send anything. */
const MAX_DISPLAY = 64;

export interface CallPlacerOptions {
  host: Pick<PhoneHostLink, 'command'>;
  readSettings: () => Promise<Settings>;
}

/**
 * The one way a call is placed, whoever asked (CRM button, popup dial pad, history redial,
 * context menu, keyboard command): the dial string is checked again here, since pages are not
 * trusted and a rewritten one is refused rather than cleaned, then the house dial plan rewrites it
 * last, and the phone host dials it.
 */
export function createCallPlacer(options: CallPlacerOptions) {
  return async function placeCall(request: DialRequest): Promise<Result<null>> {
    try {
      const dial = sanitizeDialString(String(request.dial));
      if (!dial || dial !== request.dial) throw new AppError('errorDialInvalid');
      const settings = await options.readSettings();
      return await options.host.command('phone.dial', {
        dial: dialTarget(dial, settings),
        display: String(request.display).slice(0, MAX_DISPLAY),
        ...(request.extension ? { extension: String(request.extension) } : {}),
      });
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}

export type PlaceCall = ReturnType<typeof createCallPlacer>;
