import { describe, expect, it } from 'vitest';
import { microphoneChanged, microphoneConstraints } from '@/utils/sip/microphone-constraints';

describe('microphone constraints', () => {
  it('asks for the chosen device exactly, or for any microphone', () => {
    expect(microphoneConstraints({ audioInputId: 'usb-headset' })).toEqual({
      deviceId: { exact: 'usb-headset' },
    });
    expect(microphoneConstraints({ audioInputId: '' })).toBe(true);
  });

  it('a new track only when the microphone choice changed, not for other settings', () => {
    const headset = { audioInputId: 'usb-headset', autoAnswer: true };
    const autoAnswerOff = { ...headset, autoAnswer: false };
    expect(microphoneChanged(headset, autoAnswerOff)).toBe(false);
    expect(microphoneChanged(headset, { ...headset, audioInputId: '' })).toBe(true);
  });
});
