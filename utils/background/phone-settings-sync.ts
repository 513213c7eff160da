import { watchSettings } from '../settings/read-settings';
import { phoneSettings } from '../settings/settings';
import type { PhoneHostLink } from './phone-host-link';

/**
 * Settings the running phone follows (devices, auto-answer, sounds, transfer mode) reach it as one
 * `phone.configure` whenever any of them changes, from the options page or a policy; mid-call too.
 */
export function syncPhoneSettings(
  host: Pick<PhoneHostLink, 'configure'>,
  log: (...args: unknown[]) => void,
): () => void {
  let last: string | undefined;
  return watchSettings((settings) => {
    const next = phoneSettings(settings);
    const key = JSON.stringify(next);
    if (key === last) return;
    last = key;
    host.configure(next).catch((error: unknown) => log('phone settings not applied', error));
  });
}
