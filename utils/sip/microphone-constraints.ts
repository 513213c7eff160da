/** What the agent chose for the microphone (the settings' part that shapes it). */
export interface MicrophoneChoice {
  /** A device id; empty for the system default. */
  audioInputId: string;
}

/** The microphone a call asks for: the agent's chosen input, else the default one. */
export function microphoneConstraints(choice: MicrophoneChoice): MediaTrackConstraints | true {
  return choice.audioInputId ? { deviceId: { exact: choice.audioInputId } } : true;
}

/** Whether a new choice needs a new microphone track (a live call swaps it without renegotiating). */
export function microphoneChanged(previous: MicrophoneChoice, next: MicrophoneChoice): boolean {
  return (
    JSON.stringify(microphoneConstraints(previous)) !== JSON.stringify(microphoneConstraints(next))
  );
}
