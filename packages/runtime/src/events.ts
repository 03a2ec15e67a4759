// The runtime's event stream: the union of every package's events plus the scheduler's own.
// With no listener, producers check `on` and build nothing.

import type { CopystackEvent } from '@gosim/copystack';
import type { DeferPanicEvent } from '@gosim/defer-panic';
import type { GCEvent } from '@gosim/gc';
import type { TracebackEvent } from '@gosim/traceback';
import type { EventSink } from '@gosim/stack';

export type SchedEvent =
  | { kind: 'goroutine-created'; goid: number; by: number; fn: string }
  | { kind: 'goroutine-blocked'; goid: number; reason: string }
  | { kind: 'goroutine-exited'; goid: number }
  | { kind: 'safepoint-forced'; goid: number; at: number; what: ForcedEvent; fn: string };

export type ForcedEvent = 'copy' | 'grow' | 'shrink' | 'gc';

export type RuntimeEvent = DeferPanicEvent | TracebackEvent | CopystackEvent | GCEvent | SchedEvent;

export type Listener = (e: RuntimeEvent) => void;

/** Fans events out to listeners; `on` is false while there are none. */
export class EventHub implements EventSink<RuntimeEvent> {
  private readonly listeners: Listener[] = [];
  on = false;

  listen(l: Listener): () => void {
    this.listeners.push(l);
    this.on = true;
    return () => {
      const i = this.listeners.indexOf(l);
      if (i >= 0) this.listeners.splice(i, 1);
      this.on = this.listeners.length > 0;
    };
  }

  emit(e: RuntimeEvent): void {
    for (const l of this.listeners) l(e);
  }
}
