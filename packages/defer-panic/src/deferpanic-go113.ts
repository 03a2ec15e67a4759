// go1.13: stack-allocated _defer records (Go 1.13, "cmd/compile, runtime: allocate defer records on the stack").
// What changed in Go and why: a heap record per defer statement (newdefer from the per-P pool, or mallocgc) was
// the main cost of defer, and most defers run once per call of their function. Go 1.13's compiler gives a defer
// statement that is not inside a loop (escape analysis: loop depth of the function's top level; a label a goto
// jumps back to counts as a loop) a record that is a temporary of the deferring frame: it stores siz, fn and the
// arguments into it and calls deferprocStack(d), which fills started, heap = false, _panic, sp, pc and links d at
// the head of g._defer; defers in loops stay deferproc's heap records (heap = true). The record gained `heap`,
// and freedefer returns at once for a stack record. The temporary is typed all scalars, so the frame's pointer
// maps never see it: copystack (adjustdefers: g._defer, then each record's fn, sp, _panic and link, following the
// chain through the new stack, then the argument blocks) and the GC (scanstack: argument blocks, each record's fn
// and link, and the record itself when heap) reach records only through g._defer, which may now weave between
// the stack and the heap. gopanic, Goexit and deferreturn are the CL's (records stay listed while their call
// runs), reading records through this layout. Pair it with copystack=go1.13 and gc=go1.13; the 2014 copystack
// pieces do not follow stack records, and break by their own algorithm.

import { DeferGo113 } from './layout.js';
import { deferpanicNew } from './deferpanic-new.js';
import type { DeferPanicPolicy } from './policy.js';

export const deferpanicGo113: DeferPanicPolicy = {
  ...deferpanicNew,
  name: 'go1.13',
  layout: DeferGo113,
  codegen: { stackDefers: { recordHeader: DeferGo113.header } },
};
