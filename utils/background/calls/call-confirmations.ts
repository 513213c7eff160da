import type { ConfirmReason, DialConfirmation } from '../../messages';

/** Long enough to read a number and decide; short enough that an old "yes" cannot be replayed. */
export const CONFIRMATION_TTL_MS = 120_000;

/**
 * Who asked for a call. A page's content script (by tab) redeems only what it was issued; the
 * extension's own pages (popup, options) redeem their own and the selection commands' ones, since
 * those are shown to the agent in the popup.
 */
export type DialSource =
  { kind: 'page'; tabId: number; url: string } | { kind: 'extension' } | { kind: 'selection' };

export interface CallConfirmations {
  /** Holds a call until the agent confirms it; the returned token proves they did. */
  ask(
    call: { dial: string; number: string; reasons: ConfirmReason[] },
    source: DialSource,
  ): DialConfirmation;
  /** Spends `token`: true when it was issued for this dial string, to this asker, and is fresh. */
  redeem(token: string, dial: string, source: DialSource): boolean;
  /** The newest unanswered confirmation from the context menu or keyboard command, for the popup. */
  pending(): DialConfirmation | null;
  /** The agent said no. */
  cancel(token: string): void;
}

interface Held {
  confirmation: DialConfirmation;
  owner: string;
  expiresAt: number;
}

/** In memory only: a restarted service worker forgets them, and the agent is simply asked again. */
export function createCallConfirmations(
  options: { now?: () => number; newToken?: () => string } = {},
): CallConfirmations {
  const now = options.now ?? Date.now;
  const newToken = options.newToken ?? (() => crypto.randomUUID());
  const held = new Map<string, Held>();

  const dropExpired = () => {
    for (const [token, entry] of held) if (entry.expiresAt <= now()) held.delete(token);
  };

  return {
    ask({ dial, number, reasons }, source) {
      dropExpired();
      const confirmation: DialConfirmation = { token: newToken(), dial, number, reasons };
      held.set(confirmation.token, {
        confirmation,
        owner: ownerOf(source),
        expiresAt: now() + CONFIRMATION_TTL_MS,
      });
      return confirmation;
    },
    redeem(token, dial, source) {
      dropExpired();
      const entry = held.get(token);
      if (!entry || entry.confirmation.dial !== dial || !mayRedeem(source, entry.owner)) {
        return false;
      }
      held.delete(token);
      return true;
    },
    pending() {
      dropExpired();
      let newest: Held | null = null;
      for (const entry of held.values()) {
        if (entry.owner === 'selection' && (!newest || entry.expiresAt >= newest.expiresAt)) {
          newest = entry;
        }
      }
      return newest?.confirmation ?? null;
    },
    cancel(token) {
      held.delete(token);
    },
  };
}

function ownerOf(source: DialSource): string {
  return source.kind === 'page' ? `tab:${source.tabId}` : source.kind;
}

function mayRedeem(source: DialSource, owner: string): boolean {
  if (source.kind === 'extension') return owner === 'extension' || owner === 'selection';
  return ownerOf(source) === owner;
}
