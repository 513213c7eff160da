import { randomUUID } from 'node:crypto';
import type { ReplyContext } from './ucontact-misbehaviours';
import type { UContactAgent } from './ucontact-profile';

// uContact's agent API beyond login (DESIGN.md §3a): click-to-call through a campaign, breaks and
// call results. The server (ucontact-server.ts) checks the token first, then hands the request here.

export const AGENT_CALL_PATH = '/Integra/resources/Agents/AgentCall';
export const AGENT_BREAK_PATH = '/Integra/resources/api/AgentBreak';
export const AGENT_UNBREAK_PATH = '/Integra/resources/api/AgentUnBreak';
export const DISPOSITION_CALL_PATH = '/Integra/resources/api/DispositionCall';

/** uContact's documented failure: HTTP 200, body `0`. */
export const API_FAILED_BODY = '0';
/**
 * Success body of AgentBreak, AgentUnBreak and DispositionCall. uContact documents only the failure
 * (`0`); `1` is its complement, so a client must treat "200 and not `0`" as success, not one text.
 */
export const API_OK_BODY = '1';

export const AGENT_CALL_FIELDS = [
  'callerid',
  'agent',
  'phone',
  'tech',
  'context',
  'outqueue',
  'destination',
] as const;
export type AgentCallForm = Record<(typeof AGENT_CALL_FIELDS)[number], string>;

export const DISPOSITION_FIELDS = [
  'campaign',
  'agent',
  'callerid',
  'guid',
  'l1',
  'l2',
  'l3',
  'd1',
  'd2',
  'comment',
  'schedule',
  'camptoreschedule',
  'tag',
] as const;
export type DispositionForm = Record<(typeof DISPOSITION_FIELDS)[number], string>;

/** A call AgentCall accepted: its GUID (the reply) and the fields it was asked with. */
export interface AgentCall {
  guid: string;
  form: AgentCallForm;
  time: number;
}

/** Plays uContact's side of an accepted AgentCall (e.g. its first leg: ring the agent). */
export type AgentCallHook = (call: AgentCall) => void | Promise<void>;

export type ContactCenterEndpoint = 'AgentCall' | 'AgentBreak' | 'AgentUnBreak' | 'DispositionCall';

export interface ContactCenter {
  handlers: Record<ContactCenterEndpoint, (c: ReplyContext) => void>;
  /** The agent's current break motive; undefined when not on a break. */
  breakState(agent: string): string | undefined;
}

/** `YYYY-MM-DD HH:MI:SS`, and a real date and time. */
export function isSchedule(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return false;
  const time = new Date(`${value.replace(' ', 'T')}Z`);
  // The round trip refuses what Date would roll over (2026-02-30, 24:00:00).
  return (
    !Number.isNaN(time.getTime()) && time.toISOString().slice(0, 19).replace('T', ' ') === value
  );
}

/** The form's values for `fields`, or undefined when one is missing (empty is present). */
function pick<K extends string>(
  form: Record<string, string>,
  fields: readonly K[],
): Record<K, string> | undefined {
  if (!fields.every((f) => Object.hasOwn(form, f))) return undefined;
  return Object.fromEntries(fields.map((f) => [f, form[f]])) as Record<K, string>;
}

export function createContactCenter(
  agents: readonly UContactAgent[],
  hook: () => AgentCallHook | undefined,
): ContactCenter {
  const calls = new Map<string, AgentCall>();
  const breaks = new Map<string, string>(); // agent -> motive
  const fail = (c: ReplyContext): void => c.send(200, API_FAILED_BODY);
  const ok = (c: ReplyContext): void => c.send(200, API_OK_BODY);
  const agentNamed = (name: string | undefined): UContactAgent | undefined =>
    agents.find((a) => a.agent === name);

  /** AgentBreak / AgentUnBreak fields: a known agent, its own interface, a motive. */
  const breakRequest = (form: Record<string, string>): { agent: string; motive: string } | null => {
    const agent = agentNamed(form.agent);
    const motive = form.motive?.trim() ?? '';
    if (!agent || form.interface !== `SIP/${agent.name}` || motive === '') return null;
    return { agent: agent.agent, motive };
  };

  const runHook = (call: AgentCall): void => {
    const playing = hook();
    if (!playing) return;
    Promise.resolve()
      .then(() => playing(call))
      .catch((error: unknown) => console.error('uContact server: onAgentCall hook failed:', error));
  };

  return {
    breakState: (agent) => breaks.get(agent),
    handlers: {
      AgentCall: (c) => {
        const form = pick(c.form, AGENT_CALL_FIELDS);
        const agent = agentNamed(form?.agent);
        if (
          !form ||
          !agent ||
          AGENT_CALL_FIELDS.some((f) => form[f] === '') ||
          form.tech !== 'SIP' ||
          form.phone !== agent.name
        ) {
          return fail(c);
        }
        const call: AgentCall = { guid: randomUUID(), form, time: Date.now() };
        calls.set(call.guid, call);
        c.send(200, call.guid);
        runHook(call);
      },
      // Taking a break while on another one switches motive, as uContact's agent console allows.
      AgentBreak: (c) => {
        const request = breakRequest(c.form);
        if (!request) return fail(c);
        breaks.set(request.agent, request.motive);
        ok(c);
      },
      AgentUnBreak: (c) => {
        const request = breakRequest(c.form);
        if (!request || breaks.get(request.agent) !== request.motive) return fail(c);
        breaks.delete(request.agent);
        ok(c);
      },
      DispositionCall: (c) => {
        const form = pick(c.form, DISPOSITION_FIELDS);
        const call = form && calls.get(form.guid);
        if (
          !form ||
          !call ||
          form.campaign !== call.form.outqueue ||
          form.agent !== call.form.agent ||
          form.callerid === '' ||
          form.l1 === '' ||
          (form.schedule !== '' && !isSchedule(form.schedule))
        ) {
          return fail(c);
        }
        ok(c);
      },
    },
  };
}
