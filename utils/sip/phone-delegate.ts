import type { CallView, RegistrationView } from './phone-state';

/** Callbacks out of the `Phone`; all optional. */
export interface PhoneDelegate {
  onRegistrationChange?(registration: RegistrationView): void;
  onCallChange?(call: CallView | null): void;
  /** A call reached `ended` or `failed`, in front or not. */
  onCallEnded?(call: CallView): void;
  /** A retry is scheduled after a lost connection or a failed REGISTER (ms). */
  onRetryScheduled?(delayMs: number, attempt: number): void;
}
