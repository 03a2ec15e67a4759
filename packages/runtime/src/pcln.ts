// The symbol table runtime.FuncForPC, Caller and CallersFrames read (Go's pclntab): one _func record per
// function (program/src/isa/rtapi.ts FuncRec: entry, name, file) with the name and file bytes beside them, in
// a region outside the heap built on first use. A *runtime.Func points at a record; the strings the API
// returns point into the region, as Go's point into the read-only pclntab.

import { FuncRec } from '@gosim/program';
import type { Machine } from './machine.js';

const tables = new WeakMap<Machine, number>();

/** The record of function id `fn` (the region is built on the first call). */
export function funcRecord(m: Machine, fn: number): number {
  let base = tables.get(m);
  if (base === undefined) {
    base = build(m);
    tables.set(m, base);
  }
  return base + fn * FuncRec.size;
}

function build(m: Machine): number {
  const enc = new TextEncoder();
  const funcs = m.prog.funcs;
  const files = new Map<string, Uint8Array>();
  const names = funcs.map((f) => enc.encode(f.name));
  for (const f of funcs) if (!files.has(f.file)) files.set(f.file, enc.encode(f.file));
  let size = funcs.length * FuncRec.size;
  for (const n of names) size += n.length;
  for (const b of files.values()) size += b.length;
  const s = m.space;
  const base = s.mapRegion(Math.max(size, 8));
  let at = base + funcs.length * FuncRec.size;
  const fileAt = new Map<string, number>();
  for (const [f, b] of files) {
    s.u8.set(b, at);
    fileAt.set(f, at);
    at += b.length;
  }
  funcs.forEach((f, i) => {
    const rec = base + i * FuncRec.size;
    const nb = names[i]!;
    s.u8.set(nb, at);
    s.store64(rec + FuncRec.entry, f.entry);
    s.store64(rec + FuncRec.name, at);
    s.store64(rec + FuncRec.name + 8, nb.length);
    s.store64(rec + FuncRec.file, fileAt.get(f.file)!);
    s.store64(rec + FuncRec.file + 8, files.get(f.file)!.length);
    at += nb.length;
  });
  return base;
}
