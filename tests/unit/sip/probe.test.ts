import { createHash } from 'node:crypto';
import { it, vi } from 'vitest';
import { Phone } from '@/utils/sip/phone';
import { ScriptedRegistrar } from './helpers/scripted-registrar';

it('probe', async () => {
  vi.useFakeTimers();
  const ha1 = createHash('md5').update('1997:asterisk:pw').digest('hex');
  const reg = new ScriptedRegistrar({ realm: 'asterisk', username: '1997', ha1 });
  const phone = new Phone({
    server: 'wss://pbx.test:8089/ws', domain: 'pbx.test', extension: '1997', auth: { kind: 'ha1', value: ha1 },
    iceServers: [], dtmfMode: 'rfc2833', contactName: 'c0ffee12', instanceId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    transportConstructor: reg.Transport, random: () => 0,
  }, { onRegistrationChange: (v) => console.log('REG', JSON.stringify(v)) });
  void phone.start();
  await vi.advanceTimersByTimeAsync(0);
  for (const r of reg.registers) console.log(r.request.text, r.answer);
  console.log([...reg.bindings]);
  await phone.stop();
  for (const r of reg.registers.slice(2)) console.log(r.request.text, r.answer);
  vi.useRealTimers();
});
