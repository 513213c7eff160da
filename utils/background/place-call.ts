import { dialTarget } from '../dial-plan/dial-target';
import { AppError, toErrorInfo } from '../errors';
import type { DialRequest, Result } from '../messages';
import { sanitizeDialString } from '../phone-numbers/dial-string';
import { chosenCampaign } from '../settings/contact-center';
import type { Campaign, Settings } from '../settings/settings';
import type { PhoneHostLink } from './phone-host-link';

/** The longest number-as-shown kept for the UI; pages may send anything. */
const MAX_DISPLAY = 64;

export interface CallPlacerOptions {
  host: Pick<PhoneHostLink, 'command'>;
  readSettings: () => Promise<Settings>;
  /** `callRouting: campaign`: uContact places the call (AgentCall) and rings the agent first. */
  campaignCall(campaign: Campaign, destination: string, display: string): Promise<Result<null>>;
}

/**
 * The one way a call is placed, whoever asked (CRM button, popup dial pad, history redial,
 * context menu, keyboard command): the dial string is checked again here, since pages are not
 * trusted and a rewritten one is refused rather than cleaned, then the house dial plan rewrites it
 * last. With `callRouting: campaign` uContact places it through the chosen campaign (AgentCall)
 * and the phone sends no INVITE of its own; otherwise the phone host dials it.
 */
export function createCallPlacer(options: CallPlacerOptions) {
  return async function placeCall(request: DialRequest): Promise<Result<null>> {
    try {
      const dial = sanitizeDialString(String(request.dial));
      if (!dial || dial !== request.dial) throw new AppError('errorDialInvalid');
      const settings = await options.readSettings();
      const target = dialTarget(dial, settings);
      const display = String(request.display).slice(0, MAX_DISPLAY);
      if (settings.callRouting === 'campaign') {
        const campaign = chosenCampaign(settings);
        if (!campaign) throw new AppError('errorNoCampaign');
        return await options.campaignCall(campaign, target, display);
      }
      return await options.host.command('phone.dial', {
        dial: target,
        display,
        ...(request.extension ? { extension: String(request.extension) } : {}),
      });
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}

export type PlaceCall = ReturnType<typeof createCallPlacer>;
