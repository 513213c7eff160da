import { backgroundNumbers } from '@/utils/crm/background-numbers';
import { startClickToCall, type ClickToCall } from '@/utils/crm/click-to-call';
import { crmExcludeMatchPatterns, crmMatchPatterns } from '@/utils/crm/registry';
import type { ScanScheduler } from '@/utils/crm/scanner';
import { readPageSettings, watchPageSettings, type PageSettings } from '@/utils/crm/page-settings';
import { writeDebug } from '@/utils/debug-console';

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
      idle: (task) => ctx.requestIdleCallback((deadline) => task(deadline), { timeout: 100 }),
      later: (task, ms) => ctx.setTimeout(task, ms),
    };
    let running: ClickToCall | null = null;
    const run = ({ country, dialPlan, debug }: PageSettings) => {
      running?.stop();
      running = startClickToCall({
        document,
        url: location.href,
        // Numbers are read in the background (libphonenumber-js is not in this script), with the
        // settings read here; the tooltips show what the house dial plan will actually dial.
        numbers: backgroundNumbers({ country, dialPlan }),
        signal: ctx.signal,
        scheduler,
        // The background said whether debug logging is on (this script reads no settings).
        log: debug ? (...args: unknown[]) => writeDebug(args) : undefined,
      });
    };

    const settings = await readPageSettings();
    if (ctx.isInvalid) return;
    run(settings);
    // A new default country or dial plan changes what numbers mean: start over with it.
    ctx.onInvalidated(watchPageSettings(settings, run));
  },
});
