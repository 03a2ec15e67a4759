// Pure layout: from a Step and its Snapshot to boxes and rows the renderers draw. NO DOM here (jest tests it).
// A stack is drawn hi → lo: frames outermost first; inside a frame its argument block (in the caller's frame,
// [argp, argp+argSize)), the return PC word at fp-8, then locals down to sp. Runs of uninteresting words
// (zero, poison, plain data past a bound) collapse into one gap row, so a 100 KiB stack stays a few dozen rows.

import type { DeferView, FrameView, GoroutineView, PanicView, PointerView, RecordedRun, StackCopy, Step } from '../../src/format.js';
import { MemoryView, PtrSize, wordHexAt, wordPattern, wordValue, type WordPattern } from './memory.js';

export type WordRole = 'arg' | 'retpc' | 'local';

export interface WordRow {
  kind: 'word';
  addr: number;
  /** 16 hex digits, or undefined when the snapshot does not hold the word. */
  hex: string | undefined;
  role: WordRole;
  ptr?: PointerView;
}

export interface GapRow {
  kind: 'gap';
  lo: number;
  hi: number;
  words: number;
  /** The one pattern every word in the gap shows, or 'mixed'. */
  pattern: WordPattern | 'mixed' | 'unknown';
}

export type Row = WordRow | GapRow;

export interface FrameBox {
  name: string;
  file: string;
  line: number;
  pc: number;
  sp: number;
  fp: number;
  frameSize: number;
  argp: number;
  argSize: number;
  runtime: boolean;
  rows: Row[];
}

export interface StackBox {
  goid: number;
  status: string;
  waitreason: string;
  lo: number;
  hi: number;
  sp: number;
  /** Outermost first (hi → lo). */
  frames: FrameBox[];
}

/** Data words shown per frame before the rest collapses. */
export const MaxDataWords = 24;

/** For every step, the index of the step whose snapshot holds there (the latest at or before it), -1 before any. */
export function snapshotIndex(steps: readonly Step[]): Int32Array {
  const idx = new Int32Array(steps.length);
  let last = -1;
  for (let i = 0; i < steps.length; i++) {
    if (steps[i]!.snapshot) last = i;
    idx[i] = last;
  }
  return idx;
}

/** Lays one goroutine's stack out as frames of rows. */
export function layoutStack(g: GoroutineView, mem: MemoryView, run: Pick<RecordedRun, 'funcs'>): StackBox {
  const runtimeFn = new Set(run.funcs.filter((f) => f.runtime).map((f) => f.id));
  const frames = [...g.frames].sort((a, b) => b.sp - a.sp); // outermost (highest sp) first
  const boxes: FrameBox[] = [];
  for (let k = 0; k < frames.length; k++) {
    const f = frames[k]!;
    const callee = frames[k + 1]; // the frame below, whose argument block lies at the bottom of f
    boxes.push({
      name: f.name, file: f.file, line: f.line, pc: f.pc, sp: f.sp, fp: f.fp, frameSize: f.frameSize,
      argp: f.argp, argSize: f.argSize, runtime: runtimeFn.has(f.fn), rows: frameRows(f, callee, mem),
    });
  }
  return { goid: g.goid, status: g.status, waitreason: g.waitreason, lo: g.lo, hi: g.hi, sp: g.sp, frames: boxes };
}

/** Rows of one frame, hi → lo: its own argument block, return PC, then locals (less the callee's argument block). */
function frameRows(f: FrameView, callee: FrameView | undefined, mem: MemoryView): Row[] {
  const ptrs = new Map<number, PointerView>();
  for (const p of f.pointers) ptrs.set(p.at, p);
  const calleeArgs = callee ? [callee.argp, callee.argp + callee.argSize] : [0, 0];
  const words: { addr: number; role: WordRole }[] = [];
  for (let a = alignDown(f.argp + f.argSize - 1); a >= f.argp && f.argSize > 0; a -= PtrSize) words.push({ addr: a, role: 'arg' });
  if (f.fp - PtrSize >= f.sp) words.push({ addr: f.fp - PtrSize, role: 'retpc' });
  for (let a = f.fp - 2 * PtrSize; a >= f.sp; a -= PtrSize) {
    if (a >= calleeArgs[0]! && a < calleeArgs[1]!) continue; // drawn in the callee's box as its arguments
    words.push({ addr: a, role: 'local' });
  }
  return collapse(words.map((w) => ({ kind: 'word', addr: w.addr, hex: mem.wordHex(w.addr), role: w.role, ptr: ptrs.get(w.addr) })));
}

function alignDown(a: number): number {
  return a - (((a % PtrSize) + PtrSize) % PtrSize);
}

/** Keeps pointer words, return PCs, arguments and the first MaxDataWords data words; the rest become gap rows. */
export function collapse(rows: WordRow[]): Row[] {
  const out: Row[] = [];
  let gap: WordRow[] = [];
  let data = 0;
  const flush = () => {
    if (gap.length === 0) return;
    if (gap.length <= 2) out.push(...gap);
    else out.push(gapOf(gap));
    gap = [];
  };
  for (const r of rows) {
    const pat = r.hex === undefined ? 'unknown' : wordPattern(r.hex);
    const keep = r.ptr !== undefined || r.role !== 'local' || (pat === 'data' && data++ < MaxDataWords);
    if (keep) {
      flush();
      out.push(r);
    } else gap.push(r);
  }
  flush();
  return out;
}

function gapOf(words: WordRow[]): GapRow {
  const pats = new Set(words.map((w) => (w.hex === undefined ? 'unknown' : wordPattern(w.hex))));
  const one = pats.size === 1 ? [...pats][0]! : 'mixed';
  const addrs = words.map((w) => w.addr);
  return { kind: 'gap', lo: Math.min(...addrs), hi: Math.max(...addrs) + PtrSize, words: words.length, pattern: one };
}

export interface RecordBox {
  addr: number;
  title: string;
  place: DeferView['place'] | 'panic';
  marks: string[];
  fields: [string, number][];
  pointers: PointerView[];
  /** Drawn apart: a record the old policy took off g._defer but still runs. */
  offList: boolean;
}

export function deferBox(d: DeferView, offList: boolean): RecordBox {
  const marks: string[] = [];
  if (d.started) marks.push('started');
  if (offList) marks.push('off the list (old: gopanic/Goexit took it)');
  return { addr: d.addr, title: d.fn, place: d.place, marks, fields: Object.entries(d.fields), pointers: d.pointers, offList };
}

export function panicBox(p: PanicView): RecordBox {
  const marks: string[] = [];
  if (p.recovered) marks.push('recovered');
  if (p.aborted) marks.push('aborted');
  if (p.goexit) marks.push('goexit');
  const fields = Object.entries(p.fields);
  if (p.dabort !== undefined) fields.push(['dabort', p.dabort]);
  return { addr: p.addr, title: `panic(${p.value})`, place: 'panic', marks, fields, pointers: p.pointers ?? [], offList: false };
}

/** One row of the side-by-side copy: the word at the same distance from hi in the old and in the new stack. */
export interface CopyRow {
  off: number; // bytes below hi
  oldAt: number;
  newAt: number;
  oldHex: string;
  newHex: string;
  adjusted?: { from: number; to: number; where: string };
  stale?: { value: number; where: string };
}

export interface CopyLayout {
  rows: (CopyRow | { gap: number; pattern: string })[];
  /** Adjusted and stale words outside the stack (defer records on the heap, g._defer…). */
  outside: { at: number; adjusted?: { from: number; to: number; where: string }; stale?: { value: number; where: string } }[];
  delta: number;
}

/** The copied part, word by word, keeping adjusted, stale, changed and data words; zero/poison runs collapse. */
export function layoutCopy(c: StackCopy): CopyLayout {
  const delta = c.newHi - c.oldHi;
  const adj = new Map(c.adjusted.map((a) => [a.at, a]));
  const stale = new Map(c.stale.map((s) => [s.at, s]));
  const rows: CopyLayout['rows'] = [];
  const used = Math.min(c.used, c.oldHex.length / 2, c.newHex.length / 2);
  let gap = 0;
  let gapPat = '';
  let data = 0;
  const flush = () => {
    if (gap > 0) rows.push({ gap, pattern: gapPat });
    gap = 0;
  };
  for (let off = PtrSize; off <= used; off += PtrSize) {
    const oldAt = c.oldHi - off;
    const newAt = c.newHi - off;
    const oldHex = wordHexAt(c.oldHex, (c.oldHex.length / 2 - off) * 2);
    const newHex = wordHexAt(c.newHex, (c.newHex.length / 2 - off) * 2);
    const a = adj.get(newAt) ?? adj.get(oldAt);
    const s = stale.get(newAt) ?? stale.get(oldAt);
    const pat = wordPattern(newHex);
    // unchanged words are boring past the first MaxDataWords data words: what a copy does is in the changes
    const boring = !a && !s && oldHex === newHex && (pat !== 'data' || data++ >= MaxDataWords);
    if (boring) {
      const p = pat === 'data' ? 'unchanged' : pat;
      if (gap > 0 && gapPat !== p) flush();
      gapPat = p;
      gap++;
      continue;
    }
    flush();
    const row: CopyRow = { off, oldAt, newAt, oldHex, newHex };
    if (a) row.adjusted = { from: a.from, to: a.to, where: a.where };
    if (s) row.stale = { value: s.value, where: s.where };
    rows.push(row);
  }
  flush();
  const inStack = (at: number) => (at >= c.newHi - used && at < c.newHi) || (at >= c.oldHi - used && at < c.oldHi);
  const outside: CopyLayout['outside'] = [];
  for (const a of c.adjusted) if (!inStack(a.at)) outside.push({ at: a.at, adjusted: { from: a.from, to: a.to, where: a.where } });
  for (const s of c.stale) if (!inStack(s.at)) outside.push({ at: s.at, stale: { value: s.value, where: s.where } });
  return { rows, outside, delta };
}

/** Whether a word's value points into [lo, hi). */
export function pointsInto(h: string, lo: number, hi: number): boolean {
  const v = wordValue(h);
  return v >= lo && v < hi;
}

/** One line describing a step's event (for the step bar and the timeline's title). */
export function describeStep(s: Step): string {
  const e = s.event;
  const hx = (k: string) => (typeof e[k] === 'number' ? `0x${(e[k] as number).toString(16)}` : String(e[k] ?? ''));
  switch (s.kind) {
    case 'safepoint': return `safe point in ${s.fn}`;
    case 'stack-copied': return `stack-copied g${s.goid} ${hx('oldLo')}-${hx('oldHi')} -> ${hx('newLo')}-${hx('newHi')} (${String(e.why ?? '')})`;
    case 'pointer-adjusted': return `pointer-adjusted ${String(e.where ?? '')} at ${hx('at')}: ${hx('from')} -> ${hx('to')}`;
    case 'pointer-stale': return `pointer-stale ${String(e.where ?? '')} at ${hx('at')} = ${hx('value')}`;
    case 'defer-linked': return `defer-linked ${hx('d')} ${String(e.fn ?? '')}`;
    case 'defer-started': return `defer-started ${hx('d')} ${String(e.fn ?? '')} by ${String(e.by ?? '')}${e.onList === false ? ' (unlinked first)' : ''}`;
    case 'defer-unlinked': return `defer-unlinked ${hx('d')} ${String(e.fn ?? '')} (${String(e.why ?? '')})`;
    case 'gc-cycle': return `gc-cycle ${String(e.n ?? '')}`;
    default: {
      const rest = Object.entries(e).filter(([k]) => k !== 'kind' && k !== 'goid').map(([k, v]) => `${k}=${typeof v === 'number' && v > 4096 ? `0x${v.toString(16)}` : String(v)}`);
      return `${s.kind} ${rest.join(' ')}`.trim();
    }
  }
}
