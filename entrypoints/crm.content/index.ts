import { startClickToCall, type ClickToCall } from '@/utils/crm/click-to-call';
import { crmExcludeMatchPatterns, crmMatchPatterns } from '@/utils/crm/registry';
import type { ScanScheduler } from '@/utils/crm/scanner';
import { readPageSettings, watchPageSettings, type PageSettings } from '@/utils/crm/page-settings';
import { debugLog } from '@/utils/debug-log';
import { dialPreview } from '@/utils/dial-plan/dial-preview';
import { resolveDefaultCountry } from '@/utils/phone-numbers/default-country';

// Click-to-call buttons on CRM pages. Also registered at runtime for sites the agent enables
// (utils/crm/site-scripts.ts), under the same file name.
export default defineContentScript({
  // The CRM applications only, over https (README "Permissions" says why each pattern).
  matches: crmMatchPatterns(),
  excludeMatches: crmExcludeMatchPatterns(),
  runAt: 'document_idle',
  // Salesforce Classic, Dynamics and Zendesk apps show records inside same-site frames.
  allFrames: true,
  async main(ctx) {
    const scheduler: ScanScheduler = {
      idle: (task) => ctx.requestIdleCallback((deadline) => task(deadline), { timeout: 500 }),
      later: (task, ms) => ctx.setTimeout(task, ms),
    };
    let running: ClickToCall | null = null;
    const run = ({ country, dialPlan }: PageSettings) => {
      running?.stop();
      running = startClickToCall({
        document,
        url: location.href,
        defaultCountry: resolveDefaultCountry(country),
        // The tooltip shows what the house dial plan will actually dial. The detector's dial string
        // is read with no country, as the background reads it before dialling.
        preview: (dial) => dialPreview(dial, { dialPlan }),
        signal: ctx.signal,
        scheduler,
        log: debugLog,
      });
    };

    const settings = await readPageSettings();
    if (ctx.isInvalid) return;
    run(settings);
    // A new default country or dial plan changes what numbers mean: start over with it.
    ctx.onInvalidated(watchPageSettings(settings, run));
  },
});
