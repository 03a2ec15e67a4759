// The recording: what `gosim viz` writes and the page reads. One place declares it; the recorder
// (src/record/) produces it from a run's event stream plus memory snapshots, the page (page/) draws it.
// Plain JSON: numbers are simulated addresses and byte counts (all below 2^32), memory is hex.

export const RecordingVersion = 1;

/** A recording: the program and one or two runs of it (side by side: two policies on the same program). */
export interface Recording {
  version: typeof RecordingVersion;
  /** Absolute path the program was compiled under, and its source text (escaped by the page, never trusted). */
  file: string;
  source: string;
  /** The `gosim viz …` command line that reproduces this recording. */
  command: string;
  runs: RecordedRun[];
}

export interface RecordedRun {
  /** Policy as `policyName` prints it (`new`, `old`, a mixture or a variant's spec). */
  policy: string;
  /** Run flags that shape the machine: stress, debug modes, injection, seed, stack-min. */
  flags: string[];
  /** Functions by id, for frame names and PC → line. */
  funcs: FuncMeta[];
  /** Type names by id (heap objects' types; 0-based as Program.types). */
  types: string[];
  /** The window of safe points recorded ([first, last], inclusive, 1-based), and the run's total. */
  window: { first: number; last: number; totalSteps: number };
  /** Every recorded point, in run order. */
  steps: Step[];
  /** The run's end: output, exit status, a gosim limit if one ended it. */
  stdout: string;
  stderr: string;
  exitCode: number;
  limit?: string;
  /** Set when recording stopped at the size cap (the message says where). */
  truncated?: string;
}

export interface FuncMeta {
  id: number;
  name: string;
  /** First and last+1 PC (code addresses, Program's text range), frame size, argument size. */
  entry: number;
  end: number;
  frameSize: number;
  argSize: number;
  /** The source file and a PC-ordered table [pc, line, pc, line, …] (line of every PC from pc on). */
  file: string;
  lines: number[];
  /** Pointer maps: byte offsets of pointer words from argp (args) and from sp (locals). */
  argPtrs: number[];
  localPtrs: number[];
  /** A runtime function (gopanic, callNN, goexit…): drawn as the runtime's. */
  runtime: boolean;
}

/** What a step is: an event of the runtime's stream, or a plain safe point (stepping by safe point). */
export type StepKind =
  | 'safepoint'
  | 'stack-copied' | 'pointer-adjusted' | 'pointer-stale'
  | 'defer-linked' | 'defer-started' | 'defer-unlinked' | 'defer-returned' | 'deferred-call-args' | 'open-defer-taken'
  | 'panic-pushed' | 'panic-aborted' | 'panic-recovered'
  | 'gc-cycle' | 'goroutine-created' | 'goroutine-blocked' | 'goroutine-exited' | 'safepoint-forced'
  | 'traceback' | 'output' | 'exit';

export interface Step {
  /** Index in steps (stable: permalinks name it). */
  i: number;
  kind: StepKind;
  /** The event as the runtime emitted it (JSON of RuntimeEvent), or {} for a safe point. */
  event: Record<string, unknown>;
  /** Safe points executed so far; the running goroutine; its function and source line. */
  safePoint: number;
  goid: number;
  fn: string;
  file: string;
  line: number;
  /**
   * Memory at this point; omitted when nothing changed since the previous step, and for the events inside a stack
   * copy or a traceback (pointer-adjusted, pointer-stale, panic-cursor-step), whose result the next step shows:
   * the page reuses the last snapshot given.
   */
  snapshot?: Snapshot;
  /** At a stack copy: the moved goroutine's old and new stack and what the copy did to each word. */
  copy?: StackCopy;
  /** At a GC: what it marked and freed. */
  gc?: GCView;
}

export interface Snapshot {
  goroutines: GoroutineView[];
  /** Heap objects reachable in one hop from any stack, defer record or panic record (and their referents, to a bound). */
  objects: HeapObject[];
  /**
   * Memory contents: regions with their bytes as hex, covering every stack's used part and every object, cut at
   * MemChunk-aligned boundaries.
   */
  memory: MemRegion[];
  /**
   * Delta encoding. Present: `goroutines` and `memory` hold only the goroutines and chunks that are new or changed
   * since the previous snapshot, and `same` names those of that snapshot that still hold (goids; chunk `lo`s).
   * Absent: this is a key snapshot, complete. read.ts's snapshotAt rebuilds the whole snapshot at any step.
   */
  same?: { goroutines: number[]; memory: number[] };
}

/** Memory regions are cut at multiples of this many bytes (so a change re-sends only its chunk). */
export const MemChunk = 512;
/** Every this many snapshots memory is sent whole (a key snapshot), bounding the rebuild of any one. */
export const MemKeyEvery = 64;

export interface MemRegion {
  lo: number;
  /** The bytes of [lo, lo + hex.length / 2), mapped ones only (an unmapped page splits a range into regions). */
  hex: string;
  /** What the region is: a stack (live or freed), a heap object, the data segment. */
  what: 'stack' | 'freed-stack' | 'heap' | 'data';
}

export interface GoroutineView {
  goid: number;
  status: string;
  waitreason: string;
  lo: number;
  hi: number;
  sp: number;
  pc: number;
  /** Frames innermost first (sp ascending), as traceback walks them. */
  frames: FrameView[];
  /** g._defer, head first. */
  defers: DeferView[];
  /** g._panic, head first. */
  panics: PanicView[];
  /** Records a policy took off the list but still runs (old: gopanic/Goexit's unlinked record). */
  offList: DeferView[];
  /** Set when the frame walk stopped early (a stale or poisoned return PC): the frames before it stand. */
  note?: string;
}

export interface FrameView {
  fn: number;
  name: string;
  pc: number;
  sp: number;
  fp: number;
  /** [argp, argp + argSize): the argument block; the return PC word is at fp - 8. */
  argp: number;
  argSize: number;
  frameSize: number;
  file: string;
  line: number;
  /** Pointer words of this frame (locals and arguments) with what each points at. */
  pointers: PointerView[];
}

/** A pointer word at `at` holding `value`, and where that lands. */
export interface PointerView {
  at: number;
  value: number;
  /** 'stack' (goid given), 'heap' (object base given), 'data', 'freed-stack' (dangling), 'unmapped', 'nil'. */
  target: 'stack' | 'heap' | 'data' | 'freed-stack' | 'unmapped' | 'nil';
  goid?: number;
  object?: number;
  /** Into memory that was freed: a stack a copy left ('freed-stack'), or a heap slot no object occupies now. */
  dangling?: boolean;
  /** Where the word lives: a frame local, a frame argument, a defer record field or argument, a panic field. */
  where: string;
}

export interface DeferView {
  addr: number;
  /** 'heap', 'stack' (go1.13 stack record), 'open' (go1.14 open-coded record). */
  place: 'heap' | 'stack' | 'open';
  /** Header fields by name as the policy's layout declares them (siz, started/special, argp, pc, fn, link, …). */
  fields: Record<string, number>;
  fn: string;
  started: boolean;
  /** The argument block: its address, size, and its pointer words. */
  args: number;
  siz: number;
  pointers: PointerView[];
}

export interface PanicView {
  addr: number;
  fields: Record<string, number>;
  value: string;
  recovered: boolean;
  aborted: boolean;
  goexit: boolean;
  /** The old policy's dabort record in gopanic's frame, when present. */
  dabort?: number;
  /** The record's pointer words (Panic.ptrWords: argp, arg.data, link, defer) with what each points at. */
  pointers?: PointerView[];
}

export interface HeapObject {
  addr: number;
  size: number;
  /** Type id (FuncMeta/types index) or -1 for an untyped block (the old policy's _defer). */
  type: number;
  /** Freed while still referenced (a dangling heap pointer), as far as the recording can tell. */
  freed: boolean;
  /** Pointer words inside it. */
  pointers: PointerView[];
}

export interface StackCopy {
  goid: number;
  oldLo: number;
  oldHi: number;
  newLo: number;
  newHi: number;
  used: number;
  why: string;
  /** The old stack's used part before it was freed, and the new one's after the copy (hex). */
  oldHex: string;
  newHex: string;
  /** Words adjusted: address in the new stack, before and after values, and who adjusted it (frame, defer…). */
  adjusted: { at: number; from: number; to: number; where: string }[];
  /** Pointers into the old stack left as they were (dangling once it is freed). */
  stale: { at: number; value: number; where: string }[];
}

export interface GCView {
  n: number;
  /** Roots: where each was found (frame F local, defer record, global…), and what it reached. */
  roots: { where: string; at: number; value: number }[];
  marked: number[];
  freed: number[];
  /** Objects freed in this cycle that a pointer still in memory names (gc_defer_args' mixture). */
  freedStillReferenced: { object: number; from: number }[];
  freedObjects: number;
  freedBytes: number;
}
