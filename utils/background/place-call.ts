import { isDeclaredCrmUrl } from '../crm/registry';
import { dialTarget } from '../dial-plan/dial-target';
import { AppError, toErrorInfo } from '../errors';
import {
  isFromExtensionPage,
  type ConfirmReason,
  type DialReply,
  type DialRequest,
  type Result,
} from '../messages';
import { sanitizeDialString } from '../phone-numbers/dial-string';
import { parsePhoneNumberFromString } from '../phone-numbers/libphonenumber';
import { chosenCampaign } from '../settings/contact-center';
import type { Campaign, Settings } from '../settings/settings';
import type { CallConfirmations, DialSource } from './calls/call-confirmations';
import type { PhoneHostLink } from './phone-host-link';

/** The longest number-as-shown kept for the UI; pages may send anything. */
const MAX_DISPLAY = 64;

export interface CallPlacerOptions {
  host: Pick<PhoneHostLink, 'command'>;
  readSettings: () => Promise<Settings>;
  confirmations: CallConfirmations;
  /** `callRouting: campaign`: uContact places the call (AgentCall) and rings the agent first. */
  campaignCall(campaign: Campaign, destination: string, display: string): Promise<Result<null>>;
}

/**
 * The one way a call is placed, whoever asked (CRM button, popup dial pad, history redial,
 * context menu, keyboard command): the dial string is checked again here, since pages are not
 * trusted and a rewritten one is refused rather than cleaned; a call the agent may not have seen
 * plainly waits for their confirmation; then the house dial plan rewrites it last. With
 * `callRouting: campaign` uContact places it through the chosen campaign (AgentCall) and the
 * phone sends no INVITE of its own; otherwise the phone host dials it.
 */
export function createCallPlacer(options: CallPlacerOptions) {
  const { confirmations } = options;
  return async function placeCall(
    request: DialRequest,
    source: DialSource = { kind: 'extension' },
  ): Promise<DialReply> {
    try {
      const dial = sanitizeDialString(String(request.dial));
      if (!dial || dial !== request.dial) throw new AppError('errorDialInvalid');
      const settings = await options.readSettings();
      if (source.kind === 'page' && !mayDialFrom(source.url, settings)) {
        throw new AppError('errorDialInvalid');
      }
      const confirmed =
        typeof request.confirmation === 'string' &&
        confirmations.redeem(request.confirmation, dial, source);
      if (request.confirmation !== undefined && !confirmed) {
        throw new AppError('errorConfirmationExpired');
      }
      if (!confirmed) {
        const reasons = confirmReasons(request, source);
        if (reasons.length > 0) {
          const number = readableNumber(dial);
          return {
            ok: false,
            error: { key: 'confirmCallFirst', substitutions: [number] },
            confirm: confirmations.ask({ dial, number, reasons }, source),
          };
        }
      }
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

/** Why this call must wait for the agent's yes (none: dial at once). */
function confirmReasons(request: DialRequest, source: DialSource): ConfirmReason[] {
  const reasons: ConfirmReason[] = [];
  // A page may only ask for more care, never for less.
  if (source.kind === 'page' && request.askFirst === 'link-text') reasons.push('link-text');
  if (source.kind === 'selection') reasons.push('selection');
  return reasons;
}

/** Content scripts run only on declared CRM apps and sites the agent enabled: check it again. */
function mayDialFrom(url: string, settings: Settings): boolean {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  return isDeclaredCrmUrl(url) || settings.enabledSites.includes(origin);
}

/** The number as the agent should read it before saying yes. */
export function readableNumber(dial: string): string {
  return (dial.startsWith('+') && parsePhoneNumberFromString(dial)?.formatInternational()) || dial;
}

/** Who sent a `call.dial`: one of the extension's pages, or a content script in a tab's frame. */
export function dialSourceOf(sender: Browser.runtime.MessageSender): DialSource {
  if (isFromExtensionPage(sender)) return { kind: 'extension' };
  return { kind: 'page', tabId: sender.tab?.id ?? -1, url: sender.url ?? '' };
}
