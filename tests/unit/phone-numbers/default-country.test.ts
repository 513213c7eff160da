import { describe, expect, it } from 'vitest';
import { resolveDefaultCountry } from '@/utils/phone-numbers/default-country';

describe('resolveDefaultCountry', () => {
  it('prefers the setting when it names a supported country', () => {
    expect(resolveDefaultCountry('uy', ['en-US'])).toBe('UY');
  });

  it('ignores an unknown or empty setting and uses the browser languages', () => {
    expect(resolveDefaultCountry('XX', ['es-AR', 'en-US'])).toBe('AR');
    expect(resolveDefaultCountry('', ['pt-BR'])).toBe('BR');
    expect(resolveDefaultCountry(undefined, ['en-GB'])).toBe('GB');
  });

  it('takes the first language with a region before guessing one', () => {
    expect(resolveDefaultCountry(undefined, ['es', 'es-MX'])).toBe('MX');
  });

  it('maximizes a bare language when none has a region', () => {
    expect(resolveDefaultCountry(undefined, ['es'])).toBe('ES');
    expect(resolveDefaultCountry(undefined, ['pt'])).toBe('BR');
    expect(resolveDefaultCountry(undefined, ['en'])).toBe('US');
  });

  it('is undefined when nothing names a country', () => {
    expect(resolveDefaultCountry(undefined, [])).toBeUndefined();
    expect(resolveDefaultCountry(undefined, ['not a tag!'])).toBeUndefined();
  });
});
