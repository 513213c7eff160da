import { EmitterImpl, TransportState, type Transport } from 'sip.js';

/** What sits at the far end of the socket: the test's SIP server. */
export interface FakeWire {
  /** Called on each connection attempt; an Error refuses it. */
  accept(transport: FakeTransport): Error | undefined;
  /** Each message the phone sends. */
  receive(transport: FakeTransport, message: string): void;
}

/**
 * sip.js's `Transport` without a socket: follows the state machine documented in
 * `sip.js/lib/api/transport.d.ts` (Connecting only from `connect()`, `onConnect` on entering
 * Connected, `onDisconnect(error)` on leaving it, never re-entrant) and hands messages to a wire.
 */
export class FakeTransport implements Transport {
  readonly protocol = 'WSS';
  readonly stateChange = new EmitterImpl<TransportState>();
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  private current = TransportState.Disconnected;

  constructor(private readonly wire: FakeWire) {}

  get state(): TransportState {
    return this.current;
  }

  isConnected(): boolean {
    return this.current === TransportState.Connected;
  }

  async connect(): Promise<void> {
    if (this.current === TransportState.Connected) return;
    this.transition(TransportState.Connecting);
    // A socket opens later, never in the same turn.
    await Promise.resolve();
    if (this.current !== TransportState.Connecting) throw new Error('Connect aborted.');
    const refusal = this.wire.accept(this);
    if (refusal) {
      this.transition(TransportState.Disconnected, refusal);
      throw refusal;
    }
    this.transition(TransportState.Connected);
  }

  async disconnect(): Promise<void> {
    if (this.current === TransportState.Disconnected) return;
    this.transition(TransportState.Disconnecting);
    await Promise.resolve();
    this.transition(TransportState.Disconnected);
  }

  dispose(): Promise<void> {
    return this.disconnect();
  }

  async send(message: string): Promise<void> {
    if (!this.isConnected()) throw new Error(`Cannot send while ${this.current}.`);
    this.wire.receive(this, message);
  }

  /** Server side: hands a message to the phone a moment later, as a socket would. */
  deliver(message: string): void {
    void Promise.resolve().then(() => {
      if (this.isConnected()) this.onMessage?.(message);
    });
  }

  /** Server side: the connection is lost (server restart, network change). */
  drop(error = new Error('WebSocket closed abnormally (1006)')): void {
    if (this.current !== TransportState.Connected) return;
    this.transition(TransportState.Disconnected, error);
  }

  private transition(next: TransportState, error?: Error): void {
    const previous = this.current;
    this.current = next;
    this.stateChange.emit(next);
    if (next === TransportState.Connected) this.onConnect?.();
    if (previous === TransportState.Connected) this.onDisconnect?.(error);
  }
}
