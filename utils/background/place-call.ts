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
import { blockingEntry } from '../phone-numbers/blocked-numbers';
import { resolveDefaultCountry } from '../phone-numbers/default-country';
import { sanitizeDialString } from '../phone-numbers/dial-string';
import { parsePhoneNumberFromString, type CountryCode } from '../phone-numbers/libphonenumber';
import { costlyNumber } from '../phone-numbers/number-cost';
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
 * trusted and a rewritten one is refused rather than cleaned; a blocked number is refused, and no
 * confirmation overrides that; a call the agent may not have seen plainly, or that may cost money
 * (premium-rate, shared-cost), waits for their confirmation; then the house dial plan rewrites it
 * last. The number's type is read from the dial string, the number itself (E.164 when known), not
 * from the plan's rewrite (`9011900…`), which libphonenumber cannot read. With
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
      const country = resolveDefaultCountry(settings.defaultCountry);
      const target = dialTarget(dial, settings);
      const blocked = blockingEntry(dialledForms(dial, target, country), settings.blockedNumbers);
      if (blocked) throw new AppError('errorNumberBlocked', [readableNumber(dial), blocked]);
      const confirmed =
        typeof request.confirmation === 'string' &&
        confirmations.redeem(request.confirmation, dial, source);
      if (request.confirmation !== undefined && !confirmed) {
        throw new AppError('errorConfirmationExpired');
      }
      if (!confirmed) {
        const reasons = confirmReasons(request, source, costlyNumber(dial, country));
        if (reasons.length > 0) {
          const number = readableNumber(dial);
          return {
            ok: false,
            error: { key: 'confirmCallFirst', substitutions: [number] },
            confirm: confirmations.ask({ dial, number, reasons }, source),
          };
        }
      }
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
function confirmReasons(
  request: DialRequest,
  source: DialSource,
  cost: ConfirmReason | null,
): ConfirmReason[] {
  const reasons: ConfirmReason[] = [];
  // A page may only ask for more care, never for less.
  if (source.kind === 'page' && request.askFirst === 'link-text') reasons.push('link-text');
  if (source.kind === 'selection') reasons.push('selection');
  // Whoever asks, the popup's dial pad and history included: a costly call is always confirmed.
  if (cost) reasons.push(cost);
  return reasons;
}

/**
 * The forms a blocked-numbers entry is matched against: the dial string, its E.164 reading for the
 * agent's country when it was left as digits (a national number that did not validate), and what
 * the dial plan makes of it. A block that matches any of them refuses the call: an administrator
 * may write `+1900*` (the number) or `90111900*` (what the trunk is sent) and both hold.
 */
function dialledForms(dial: string, target: string, country: CountryCode | undefined): string[] {
  const forms = [dial, target];
  if (!dial.startsWith('+') && !/[*#]/.test(dial)) {
    const e164 = parsePhoneNumberFromString(dial, country)?.number;
    if (e164) forms.push(e164);
  }
  return forms;
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
