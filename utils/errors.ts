import type { MessageKey } from './i18n';

/**
 * An error the agent can read: a localized message key (plus substitutions) and, for logs only,
 * the underlying cause. Crosses message boundaries as a plain `ErrorInfo`.
 */
export class AppError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly substitutions: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(key, options);
    this.name = 'AppError';
  }

  toInfo(): ErrorInfo {
    return { key: this.key, substitutions: this.substitutions };
  }
}

/** The serializable face of an `AppError`. */
export interface ErrorInfo {
  key: MessageKey;
  substitutions: string[];
}

/** Any thrown value as an `ErrorInfo`; unknown failures get a generic message, never a raw text. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return error.toInfo();
  return { key: 'errorUnexpected', substitutions: [] };
}
