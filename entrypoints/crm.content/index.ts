import { startClickToCall, type ClickToCall } from '@/utils/crm/click-to-call';
import { crmMatchPatterns } from '@/utils/crm/registry';
import type { ScanScheduler } from '@/utils/crm/scanner';
import { resolveDefaultCountry } from '@/utils/phone-numbers/default-country';
import {
  readDefaultCountrySetting,
  watchDefaultCountrySetting,
} from '@/utils/phone-numbers/default-country-setting';

// Click-to-call buttons on CRM pages. Also registered at runtime for sites the agent enables
// (utils/crm/site-scripts.ts), under the same file name.
export default defineContentScript({
  matches: crmMatchPatterns(),
  runAt: 'document_idle',
  // Salesforce Classic, Dynamics and Zendesk apps show records inside same-site frames.
  allFrames: true,
  async main(ctx) {
    const scheduler: ScanScheduler = {
      idle: (task) => ctx.requestIdleCallback((deadline) => task(deadline), { timeout: 500 }),
      later: (task, ms) => ctx.setTimeout(task, ms),
    };
    let running: ClickToCall | null = null;
    const run = (countrySetting: string | undefined) => {
      running?.stop();
      running = startClickToCall({
        document,
        url: location.href,
        defaultCountry: resolveDefaultCountry(countrySetting),
        signal: ctx.signal,
        scheduler,
      });
    };

    const countrySetting = await readDefaultCountrySetting();
    if (ctx.isInvalid) return;
    run(countrySetting);
    // A new default country changes what numbers mean: start over with it.
    ctx.onInvalidated(watchDefaultCountrySetting(run));
  },
});
