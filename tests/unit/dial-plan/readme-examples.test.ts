import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyDialPlan } from '@/utils/dial-plan/dial-plan';
import { parseDialPlan } from '@/utils/dial-plan/dial-plan-rules';
import { sanitizeDialString } from '@/utils/phone-numbers/dial-string';

// A string, not `new URL(...)`: under happy-dom the global URL is not Node's.
const README = join(dirname(fileURLToPath(import.meta.url)), '../../../README.md');

/** Rows of the README's dial-plan example table: plan JSON, number as written, dialled. */
const rows = [
  ...readFileSync(README, 'utf8').matchAll(/^\| `(\{[^`]*\})` +\| ([^|]+?) +\| `([^`]+)` +\|$/gm),
].map((match) => [match[1]!, match[2]!.replace(/\(.*\)/, '').trim(), match[3]!] as const);

describe('README dial-plan examples', () => {
  it('has examples', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });

  it.each(rows)('%s: %s → %s', (rules, number, expected) => {
    const plan = parseDialPlan(JSON.parse(rules));
    const dial = sanitizeDialString(number, plan.homeCountry);
    expect(dial && applyDialPlan(dial, plan)).toBe(expected);
  });
});
