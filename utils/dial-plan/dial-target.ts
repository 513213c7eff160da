import { applyDialPlan } from './dial-plan';
import { parseDialPlan, type DialPlan, type DialPlanRules } from './dial-plan-rules';

let cached: { rules: string; plan: DialPlan } | undefined;

/**
 * The string the phone actually dials: the normalized dial string rewritten by the house dial
 * plan, when one is set. The plan is parsed once per change; an invalid plan throws (it is never
 * half-applied), and the options page refuses to save one.
 */
export function dialTarget(dial: string, settings: { dialPlan: DialPlanRules | null }): string {
  if (!settings.dialPlan) return dial;
  const rules = JSON.stringify(settings.dialPlan);
  if (cached?.rules !== rules) cached = { rules, plan: parseDialPlan(settings.dialPlan) };
  return applyDialPlan(dial, cached.plan);
}
