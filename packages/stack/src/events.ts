// The runtime's event stream. Producers check `sink.on` before building an event, so with no listener
// nothing is allocated. Each package declares its own event shapes; the runtime unions them.

export interface EventSink<E extends { kind: string } = { kind: string }> {
  /** True when someone listens; check it before constructing an event. */
  readonly on: boolean;
  emit(e: E): void;
}

export const noEvents: EventSink<never> = { on: false, emit() {} };
