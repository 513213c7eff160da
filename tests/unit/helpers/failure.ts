import { expect } from 'vitest';
import { AppError, type ErrorInfo } from '@/utils/errors';

/** The `AppError` that `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

/** What `run` threw, as an `ErrorInfo`; fails the test if it returns or throws no `AppError`. */
export function refusal(run: () => unknown): ErrorInfo {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).toInfo();
  }
  throw new Error('expected a refusal');
}
