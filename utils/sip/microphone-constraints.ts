/** The microphone a call asks for: the agent's chosen input, else the default one. */
export function microphoneConstraints(audioInputId: string): MediaTrackConstraints | true {
  return audioInputId ? { deviceId: { exact: audioInputId } } : true;
}
