// What the collector needs from the machine.

import type { Heap } from '@gosim/memory';
import type { EventSink, G } from '@gosim/stack';
import type { TracebackContext, TracebackEvent, TracebackPolicy } from '@gosim/traceback';
import type { GCEvent } from './events.js';
import type { GCPolicy } from './policy.js';

export interface GCContext extends TracebackContext {
  readonly heap: Heap;
  readonly events: EventSink<GCEvent | TracebackEvent>;
  readonly traceback: TracebackPolicy;
  readonly gc: GCPolicy;
  /** Every goroutine that is not dead. */
  readonly allgs: readonly G[];
  /** Data segment base and the words of it that hold pointers. */
  readonly dataBase: number;
  readonly dataPtrWords: readonly number[];
  /** Extra roots held by the runtime outside simulated memory (none in a pure model; hook for tests). */
  readonly extraRoots?: readonly number[];
}
