// A snapshot of the machine as the page draws it: every goroutine's frames (walked by the policy's traceback,
// as the GC walks them), its g._defer and g._panic chains read from memory through the policy's layouts, the
// records the policy took off the list but still runs, the heap objects those reach, and the bytes of it all.
// Reading only: the walk runs on a quiet view of the machine, so it emits nothing into the run's event stream.

import { Panic, deferArgs } from '@gosim/defer-panic';
import { bitSet, type FuncInfo } from '@gosim/program';
import { panicValue, type Machine } from '@gosim/runtime';
import { GStatus, type G } from '@gosim/stack';
import { gentraceback, Stkframe, type TracebackContext } from '@gosim/traceback';
import { MemChunk, type DeferView, type FrameView, type GoroutineView, type HeapObject, type MemRegion, type PanicView, type PointerView, type Snapshot } from '../format.js';
import type { Targets } from './targets.js';

/** Bounds that keep one snapshot small whatever the program does. */
export const SnapshotLimits = { frames: 200, records: 200, objects: 200, stackBytes: 64 << 10, objectBytes: 4096 } as const;

const StatusNames: Record<number, string> = { 1: 'runnable', 2: 'running', 4: 'waiting', 6: 'dead', 8: 'copystack' };

/** Header fields a defer layout may have, by name; bytes are flags, the rest words. */
const DeferFields = ['siz', 'started', 'special', 'heap', 'openDefer', 'argp', 'pc', 'fn', 'panic', 'link', 'fd', 'varp', 'framepc'] as const;
const ByteFields = new Set<string>(['started', 'special', 'heap', 'openDefer']);

/** What the recorder knows besides memory: off-list records per goroutine, panic values by record. */
export interface RunKnowledge {
  offList: Map<number, Set<number>>;
  panicValues: Map<number, string>;
}

export function snapshot(m: Machine, targets: Targets, known: RunKnowledge): Snapshot {
  const quiet = quietContext(m);
  const goroutines = m.allgs.map((g) => goroutine(m, quiet, targets, known, g));
  const objects = reachedObjects(m, targets, goroutines);
  const memory: MemRegion[] = [];
  const taken = new Set<number>();
  for (const g of goroutines) {
    const lo = Math.max(g.sp, g.lo);
    if (g.hi > lo) regions(m, lo, Math.min(g.hi, lo + SnapshotLimits.stackBytes), 'stack', memory, taken);
    for (const d of [...g.defers, ...g.offList])
      if (d.place === 'heap') regions(m, d.addr, d.args + Math.min(d.siz, SnapshotLimits.objectBytes), 'heap', memory, taken);
  }
  for (const o of objects) regions(m, o.addr, o.addr + Math.min(o.size, SnapshotLimits.objectBytes), 'heap', memory, taken);
  return { goroutines, objects, memory };
}

/** The machine as a traceback context whose event sink and print are off (a walk for the picture is not the program's). */
function quietContext(m: Machine): TracebackContext {
  // print too: a walk that meets a stale return PC says so to the program's stderr, which the recording must not change
  return Object.create(m, { events: { value: { on: false, emit() {} } }, print: { value: () => undefined } }) as TracebackContext;
}

function goroutine(m: Machine, ctx: TracebackContext, targets: Targets, known: RunKnowledge, g: G): GoroutineView {
  const frames: FrameView[] = [];
  let note: string | undefined;
  try {
    gentraceback(ctx, m.traceback, g, (f) => {
      // the frame executing now shows its pc's line; callers and a parked goroutine's top the line of the CALL
      frames.push(frameView(m, targets, f, frames.length === 0 && g.status !== GStatus.Waiting));
      return frames.length < SnapshotLimits.frames;
    }, Infinity, new Stkframe());
  } catch (e) {
    // a stale or poisoned return PC (what the old policy's bugs can leave): the frames up to it stand
    note = `traceback stopped: ${e instanceof Error ? e.message : String(e)}`;
  }
  const defers: DeferView[] = [];
  const seen = new Set<number>();
  for (let d = g._defer; d !== 0 && defers.length < SnapshotLimits.records && !seen.has(d) && m.space.isRangeMapped(d, m.deferLayout.header); d = m.space.load64(d + m.deferLayout.link)) {
    seen.add(d);
    defers.push(deferView(m, targets, d));
  }
  const offList = [...(known.offList.get(g.goid) ?? [])]
    .filter((d) => !seen.has(d) && m.space.isRangeMapped(d, m.deferLayout.header))
    .map((d) => deferView(m, targets, d));
  const panics: PanicView[] = [];
  for (let p = g._panic; p !== 0 && panics.length < SnapshotLimits.records && m.space.isRangeMapped(p, Panic.size); p = m.space.load64(p + Panic.link))
    panics.push(panicView(m, targets, known, p));
  // old policy: the dabort record gopanic linked in place of the record it runs (special, its argument = the panic)
  if (m.deferLayout.special >= 0)
    for (const pv of panics) {
      const d = defers.find((x) => x.fields.special === 1 && m.space.isRangeMapped(x.args, 8) && m.space.load64(x.args) === pv.addr);
      if (d) pv.dabort = d.addr;
    }
  return {
    goid: g.goid, status: StatusNames[g.status] ?? String(g.status), waitreason: g.waitreason,
    lo: g.lo, hi: g.hi, sp: g.sp, pc: g.pc, frames, defers, panics, offList, ...(note ? { note } : {}),
  };
}

function frameView(m: Machine, targets: Targets, f: Stkframe, executing: boolean): FrameView {
  const fn = f.fn!;
  const pointers: PointerView[] = [];
  words(m, targets, f.sp, f.localsSize, fn.localPtrs, `${fn.name} local`, pointers);
  words(m, targets, f.argp, f.arglen, fn.argPtrs, `${fn.name} arg`, pointers);
  return {
    fn: fn.id, name: fn.name, pc: f.pc, sp: f.sp, fp: f.fp, argp: f.argp, argSize: f.arglen, frameSize: f.localsSize,
    file: fn.file, line: m.prog.line(executing ? f.pc : f.pc - 1), pointers,
  };
}

/** The pointer words of [base, base + bytes) by a one-bit-per-word map. */
function words(m: Machine, targets: Targets, base: number, bytes: number, map: Uint8Array, where: string, out: PointerView[]): void {
  for (let w = 0, n = Math.min(bytes / 8, map.length * 8); w < n; w++) { // past the map: scalars
    if (!bitSet(map, w)) continue;
    const at = base + 8 * w;
    if (!m.space.isRangeMapped(at, 8)) continue;
    out.push(targets.classify(at, m.space.load64(at), `${where} +${8 * w}`));
  }
}

function deferView(m: Machine, targets: Targets, d: number): DeferView {
  const l = m.deferLayout;
  const s = m.space;
  const fields: Record<string, number> = {};
  for (const k of DeferFields) if (l[k] >= 0) fields[k] = ByteFields.has(k) ? s.u8[d + l[k]]! : s.load64(d + l[k]);
  const fv = fields.fn ?? 0;
  const fn = funcOf(m, fv);
  const siz = fields.siz ?? 0;
  const args = deferArgs(l, d);
  const pointers: PointerView[] = [];
  for (const w of l.ptrWords) pointers.push(targets.classify(d + 8 * w, s.load64(d + 8 * w), `defer ${hex(d)} header +${8 * w}`));
  if (fn) words(m, targets, args, Math.min(fn.argSize, siz), fn.argPtrs, `defer ${hex(d)} arg`, pointers);
  const place = (fields.openDefer ?? 0) !== 0 ? 'open' : m.heap.findObject(d) === d ? 'heap' : 'stack';
  return { addr: d, place, fields, fn: fn?.name ?? (fv === 0 ? 'nil' : '?'), started: (fields.started ?? 0) !== 0, args, siz, pointers };
}

function panicView(m: Machine, targets: Targets, known: RunKnowledge, p: number): PanicView {
  const s = m.space;
  const fields: Record<string, number> = {
    argp: s.load64(p + Panic.argp), argType: s.load64(p + Panic.argType), argData: s.load64(p + Panic.argData),
    link: s.load64(p + Panic.link), recovered: s.u8[p + Panic.recovered]!, aborted: s.u8[p + Panic.aborted]!,
    goexit: s.u8[p + Panic.goexit]!, defer: s.load64(p + Panic.defer),
  };
  const pointers = Panic.ptrWords.map((w) => targets.classify(p + 8 * w, s.load64(p + 8 * w), `panic ${hex(p)} +${8 * w}`));
  return {
    addr: p, fields, value: printedValue(m, fields.argType!, fields.argData!) ?? known.panicValues.get(p) ?? '', recovered: fields.recovered !== 0, aborted: fields.aborted !== 0,
    goexit: fields.goexit !== 0, pointers,
  };
}

/** The value as `panic: …` prints it (printpanicval), or undefined when memory does not say (an error's method). */
function printedValue(m: Machine, argType: number, argData: number): string | undefined {
  try {
    return panicValue(m.space, m.prog.types, argType - 1, argData);
  } catch {
    return undefined;
  }
}

function funcOf(m: Machine, fv: number): FuncInfo | undefined {
  if (fv === 0 || !m.space.isRangeMapped(fv, 8)) return undefined;
  const pc = m.space.load64(fv);
  const f = m.prog.findfunc(pc);
  return f !== undefined && f.entry === pc ? f : undefined;
}

/** Heap objects the snapshot's pointer words name, and the objects theirs name, up to the bound. */
function reachedObjects(m: Machine, targets: Targets, gs: readonly GoroutineView[]): HeapObject[] {
  const out: HeapObject[] = [];
  const seen = new Set<number>();
  const queue: number[] = [];
  const visit = (ps: readonly PointerView[]) => {
    for (const p of ps) if (p.object !== undefined && !seen.has(p.object)) (seen.add(p.object), queue.push(p.object));
  };
  for (const g of gs) {
    for (const f of g.frames) visit(f.pointers);
    for (const d of [...g.defers, ...g.offList]) visit(d.pointers);
    for (const p of g.panics) visit(p.pointers ?? []);
  }
  for (let depth = 0; depth < 2 && queue.length > 0; depth++) {
    const level = queue.splice(0);
    for (const base of level) {
      if (out.length >= SnapshotLimits.objects) return out;
      const o = heapObject(m, targets, base);
      out.push(o);
      if (depth === 0) visit(o.pointers);
    }
  }
  return out;
}

function heapObject(m: Machine, targets: Targets, base: number): HeapObject {
  const heap = m.heap;
  // a slot a recorded GC swept and nothing reallocated: drawn as freed, its type no longer known
  if (heap.findObject(base) !== base) return { addr: base, size: targets.freedObjectSize(base), type: -1, freed: true, pointers: [] };
  const type = heap.objectType(base);
  const size = heap.objectSize(base);
  const pointers: PointerView[] = [];
  if (type >= 0) {
    const td = heap.typeOf(type);
    words(m, targets, base, Math.min(td.ptrdata, heap.objectTypedBytes(base)), td.ptrmask, `object ${hex(base)}`, pointers);
  }
  return { addr: base, size, type, freed: false, pointers };
}

/**
 * The mapped parts of [lo, hi) as regions cut at MemChunk boundaries (an unmapped page, say a stack freed under
 * stackFaultOnFree, is left out). A chunk already taken (a record inside an object drawn too) is not repeated.
 */
function regions(m: Machine, lo: number, hi: number, what: MemRegion['what'], out: MemRegion[], taken: Set<number>): void {
  const u8 = m.space.u8;
  for (let a = lo; a < hi; ) {
    const end = Math.min(hi, a - (a % MemChunk) + MemChunk);
    if (!taken.has(a) && m.space.isRangeMapped(a, end - a)) {
      taken.add(a);
      out.push({ lo: a, hex: Buffer.from(u8.buffer, u8.byteOffset + a, end - a).toString('hex'), what });
    }
    a = end;
  }
}

export const hex = (n: number): string => `0x${n.toString(16)}`;
