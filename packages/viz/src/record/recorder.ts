// recordRun: runs a module with a listener and a safe-point hook, and at every event and safe point inside the
// window takes a snapshot of the machine (snapshot.ts). Without a recorder the runtime builds none of this: the
// hooks exist only for the recorded run. Runs are deterministic, so a window centred on the nth event of a kind
// is found by a first run that only counts.

import type { Module } from '@gosim/program';
import { runModule, policyName, policies, type Machine, type RunOptions, type RuntimeEvent } from '@gosim/runtime';
import { MemKeyEvery, type GoroutineView, type MemRegion, type RecordedRun, type Snapshot, type Step, type StepKind } from '../format.js';
import { funcMetas, typeNames } from './funcs.js';
import { snapshot, type RunKnowledge } from './snapshot.js';
import { Targets } from './targets.js';
import { copyView, gcView, liveObjects } from './views.js';

export const DefaultWindow = 1000;
export const MaxRecordingBytes = 100 << 20;

export interface RecordOptions {
  /** The run: policy, stress and debug modes, limits; the recorder composes its hooks with any given. */
  run: RunOptions;
  /** Copied to RecordedRun.flags (the command-line words that shaped the run). */
  flags?: string[];
  /** Safe points recorded (default DefaultWindow). */
  window?: number;
  /** The centre of the window: a safe point, or the nth (from 1) event of a kind. Default: from safe point 1. */
  around?: { step: number } | { event: StepKind; nth?: number };
  /** Cap on the recording's JSON bytes (default MaxRecordingBytes). */
  maxBytes?: number;
}

/** Events inside a mechanism whose state the step after them shows: recorded without a snapshot. */
const NoSnapshot = new Set<string>(['pointer-adjusted', 'pointer-stale', 'panic-cursor-step']);

export class RecordError extends Error {}

export function recordRun(mod: Module, opts: RecordOptions): RecordedRun {
  const window = opts.window ?? DefaultWindow;
  if (!(window >= 1)) throw new RecordError(`window must be at least 1 safe point, not ${window}`);
  const centre = opts.around === undefined ? undefined : 'step' in opts.around ? opts.around.step : findEvent(mod, opts.run, opts.around.event, opts.around.nth ?? 1);
  const first = centre === undefined ? 1 : Math.max(1, centre - Math.floor(window / 2));
  const rec = new Recorder(first, first + window - 1, opts.maxBytes ?? MaxRecordingBytes);
  const { onEvent, safePointHook } = opts.run;
  const r = runModule(mod, {
    ...opts.run,
    attach: (m) => {
      opts.run.attach?.(m);
      rec.attach(m);
    },
    onEvent: (e) => {
      onEvent?.(e);
      rec.event(e);
    },
    safePointHook: (sp) => {
      const forced = safePointHook?.(sp);
      rec.safePoint(sp.index);
      return forced;
    },
  });
  const m = rec.machine!;
  return {
    policy: policyName(opts.run.policy ?? policies.new),
    flags: opts.flags ?? [],
    funcs: funcMetas(m.prog),
    types: typeNames(m.prog),
    window: { first, last: Math.min(first + window - 1, rec.index), totalSteps: rec.index },
    steps: rec.steps,
    stdout: r.stdout,
    stderr: r.stderr,
    exitCode: r.exitCode,
    ...(r.limit ? { limit: r.limit.message } : {}),
    ...(rec.truncated ? { truncated: rec.truncated } : {}),
  };
}

/** The safe point at which the nth event of `kind` happens (a counting run; runs are deterministic). */
function findEvent(mod: Module, run: RunOptions, kind: StepKind, nth: number): number {
  let index = 0;
  let seen = 0;
  let at = -1;
  runModule(mod, {
    ...run,
    onEvent: (e) => {
      run.onEvent?.(e);
      if (e.kind === kind && ++seen === nth && at < 0) at = index;
    },
    safePointHook: (sp) => ((index = sp.index), run.safePointHook?.(sp)),
  });
  if (at < 0) throw new RecordError(`the run has ${seen === 0 ? 'no' : `only ${seen}`} ${kind} event${seen === 1 ? '' : 's'}, not a ${ordinal(nth)}`);
  return Math.max(1, at);
}

const capText = (n: number): string => (n >= 1 << 20 && n % (1 << 20) === 0 ? `${n >> 20} MiB` : `${n}-byte`);

const ordinal = (n: number): string => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

class Recorder {
  machine: Machine | undefined;
  readonly steps: Step[] = [];
  /** Safe points executed so far (the hook's index). */
  index = 0;
  truncated: string | undefined;
  private targets!: Targets;
  private readonly known: RunKnowledge = { offList: new Map(), panicValues: new Map() };
  private readonly adjusted = new Map<number, Extract<RuntimeEvent, { kind: 'pointer-adjusted' }>[]>();
  private beforeGC: Map<number, number> | undefined;
  private lastSnapshot = '';
  /** The last snapshot's memory chunks (lo → what:hex) and goroutines (goid → JSON), snapshots taken: for delta. */
  private memory = new Map<number, string>();
  private goroutines = new Map<number, string>();
  private snapshots = 0;
  private bytes = 0;
  private busy = false;

  constructor(private readonly first: number, private readonly last: number, private readonly maxBytes: number) {}

  attach(m: Machine): void {
    this.machine = m;
    this.targets = new Targets(m);
    // the objects live just before each cycle, for the GC view (only while recording)
    const collect = m.collect.bind(m);
    m.collect = (forced?: boolean) => {
      if (this.inWindow()) this.beforeGC = liveObjects(m);
      return collect(forced);
    };
  }

  private inWindow(): boolean {
    return this.truncated === undefined && this.index >= this.first - 1 && this.index <= this.last;
  }

  safePoint(index: number): void {
    this.index = index;
    if (this.inWindow()) this.add('safepoint', {});
  }

  event(e: RuntimeEvent): void {
    if (this.busy) return;
    this.learn(e);
    if (e.kind === 'pointer-adjusted') {
      let l = this.adjusted.get(e.goid);
      if (!l) this.adjusted.set(e.goid, (l = []));
      l.push(e);
    }
    if (e.kind === 'stack-copied') this.targets.stackFreed(e.oldLo, e.oldHi);
    if (this.inWindow()) this.add(e.kind as StepKind, e);
    if (e.kind === 'stack-copied') this.adjusted.delete(e.goid);
  }

  /** What memory alone does not say: which records are off the list but running, each panic's value. */
  private learn(e: RuntimeEvent): void {
    const off = this.known.offList;
    if (e.kind === 'defer-started' && !e.onList) {
      if (!off.has(e.goid)) off.set(e.goid, new Set());
      off.get(e.goid)!.add(e.d);
    } else if (e.kind === 'defer-returned' || (e.kind === 'defer-unlinked' && e.why === 'aborted')) off.get(e.goid)?.delete(e.d);
    else if (e.kind === 'goroutine-exited') off.delete(e.goid);
    else if (e.kind === 'panic-pushed') this.known.panicValues.set(e.p, e.value);
  }

  /** The snapshot as recorded: whole every MemKeyEvery snapshots, else only the goroutines and chunks that changed. */
  private delta(snap: Snapshot): Snapshot {
    const prevMem = this.memory;
    const prevG = this.goroutines;
    this.memory = new Map(snap.memory.map((r) => [r.lo, `${r.what}:${r.hex}`]));
    this.goroutines = new Map(snap.goroutines.map((g) => [g.goid, JSON.stringify(g)]));
    if (this.snapshots++ % MemKeyEvery === 0) return snap;
    const sameMem = (r: MemRegion) => prevMem.get(r.lo) === this.memory.get(r.lo);
    const sameG = (g: GoroutineView) => prevG.get(g.goid) === this.goroutines.get(g.goid);
    return {
      ...snap,
      goroutines: snap.goroutines.filter((g) => !sameG(g)),
      memory: snap.memory.filter((r) => !sameMem(r)),
      same: { goroutines: snap.goroutines.filter(sameG).map((g) => g.goid), memory: snap.memory.filter(sameMem).map((r) => r.lo) },
    };
  }

  private add(kind: StepKind, e: RuntimeEvent | Record<string, never>): void {
    const m = this.machine!;
    this.busy = true;
    try {
      const goid = 'goid' in e ? e.goid : (m.cur?.goid ?? 0);
      const g = m.gs.get(goid) ?? m.cur;
      const f = g ? m.prog.findfunc(g.pc) : undefined;
      const step: Step = {
        i: this.steps.length, kind, event: { ...e }, safePoint: this.index, goid,
        fn: f?.name ?? '', file: f?.file ?? '', line: g ? m.prog.line(g.pc) : 0,
      };
      if (!NoSnapshot.has(kind)) {
        const snap = snapshot(m, this.targets, this.known);
        const json = JSON.stringify(snap);
        if (json !== this.lastSnapshot) {
          step.snapshot = this.delta(snap);
          this.lastSnapshot = json;
        }
        if (e.kind === 'stack-copied') step.copy = copyView(m, e, this.adjusted.get(e.goid) ?? [], snap);
        if (e.kind === 'gc-cycle' && this.beforeGC) step.gc = gcView(m, e, this.beforeGC, snap);
      }
      const size = JSON.stringify(step).length + 1;
      if (this.bytes + size > this.maxBytes) {
        this.truncated = `recording stopped at step ${this.steps.length} (safe point ${this.index}): over the ${capText(this.maxBytes)} cap; narrow it with --window or --around`;
        return;
      }
      this.bytes += size;
      this.steps.push(step);
    } finally {
      this.busy = false;
    }
  }
}
