import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CallView } from '@/utils/sip/phone-state';
import en from '@/public/_locales/en/messages.json';

export const STARTED = Date.UTC(2025, 0, 15, 10, 0, 0);

/** A ringing incoming call, as the phone reports it; `patch` moves it along. */
export function incoming(id: string, patch: Partial<CallView> = {}): CallView {
  return {
    id,
    direction: 'incoming',
    number: '+14155550123',
    name: 'Ada Lovelace',
    state: 'ringing',
    muted: false,
    held: false,
    startedAt: STARTED,
    autoAnswer: false,
    ...patch,
  };
}

/** An outgoing call, dialling unless `patch` says otherwise. */
export function outgoing(id: string, patch: Partial<CallView> = {}): CallView {
  return {
    ...incoming(id),
    direction: 'outgoing',
    number: '1998',
    name: '',
    state: 'dialing',
    ...patch,
  };
}

/**
 * The fake browser implements notifications in memory but not `i18n.getMessage`: answer with the
 * English messages, placeholders filled in, as Chrome would for an English browser.
 */
export function useEnglishMessages(): void {
  const messages = en as Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  >;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, substitutions?: string | string[]) => {
      const entry = messages[key];
      if (!entry) return '';
      const values = [substitutions ?? []].flat();
      return entry.message.replace(/\$([a-z0-9_]+)\$/gi, (_match, name: string) => {
        const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
        return content.replace(/\$(\d)/g, (_ref, n: string) => values[Number(n) - 1] ?? '');
      });
    },
  );
}

/** The notifications on screen, by id. */
export async function shownNotifications(): Promise<Record<string, unknown>> {
  return { ...(await fakeBrowser.notifications.getAll()) };
}
