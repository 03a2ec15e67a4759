// What copystack needs from the machine.

import type { StackAllocator, EventSink } from '@gosim/stack';
import type { TracebackContext, TracebackEvent, TracebackPolicy } from '@gosim/traceback';
import type { CopystackEvent } from './events.js';
import type { CopystackPolicy } from './policy.js';

export interface CopystackContext extends TracebackContext {
  readonly stacks: StackAllocator;
  readonly events: EventSink<CopystackEvent | TracebackEvent>;
  readonly traceback: TracebackPolicy;
  readonly copystack: CopystackPolicy;
  /** Go's StackPoisonCopy debug mode. */
  readonly stackPoisonCopy: boolean;
  /** The maximum stack size (Go's maxstacksize). */
  readonly maxStack: number;
}
