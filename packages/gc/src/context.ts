// What the collector needs from the machine.

import type { Heap } from '@gosim/memory';
import type { EventSink, G } from '@gosim/stack';
import type { TracebackContext, TracebackEvent, TracebackPolicy } from '@gosim/traceback';
import type { GCEvent } from './events.js';
import type { MarkWork } from './mark.js';
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
  /** Finalizer specials (the runtime's finalizer.ts), if the program set any. */
  readonly specials?: GCSpecials;
}

/** The GC's hook for finalizer specials (Go's markrootSpans and the sweeper's queueing of finalizers). */
export interface GCSpecials {
  /** Roots: each special's finalizer and what its object reaches (not the object); queued finalizer calls. */
  markroots(w: MarkWork): void;
  /** After the mark: queue each special whose object is unmarked, and mark that object (it survives this cycle). */
  afterMark(w: MarkWork): void;
}
