// Linking a Module: lay functions out in id order, resolve jump targets to absolute instruction
// indexes, build the function table and pointer maps, patch static funcvals with entry PCs.

import { makeBitmap } from './bitmap.js';
import type { FuncInfo } from './func.js';
import { Op, pcOf } from './isa.js';
import type { Module } from './module.js';
import { Program } from './program.js';

export class LinkError extends Error {}

export function link(m: Module): Program {
  const funcs: FuncInfo[] = [];
  let total = 0;
  m.bodies.forEach((b, id) => {
    if (!b) throw new LinkError(`function ${m.funcNames[id]} is called but never defined`);
    total += b.code.length / 4;
  });
  const code = new Int32Array(total * 4);
  const lines = new Int32Array(total);
  let at = 0;
  m.bodies.forEach((b, id) => {
    const body = b!;
    const base = at;
    const n = body.code.length / 4;
    for (let i = 0; i < n; i++) {
      const k = 4 * i;
      const op = body.code[k]!;
      let a = body.code[k + 1]!;
      let bb = body.code[k + 2]!;
      if (op === Op.JMP || op === Op.JRET) a += base;
      else if (op === Op.JZ || op === Op.JNZ) bb += base;
      else if (op === Op.RET) a = body.frameSize; // the interpreter pops the frame without a lookup
      else if (op === Op.RECOVER) bb = body.frameSize; // gorecover needs this frame's argp
      const at4 = 4 * (base + i);
      code[at4] = op;
      code[at4 + 1] = a;
      code[at4 + 2] = bb;
      code[at4 + 3] = body.code[k + 3]!;
      lines[base + i] = body.lines[i] ?? 0;
    }
    const zero = body.localPtrWords.map((w) => w * 8);
    // Go's funcInfo.deferreturn: the (last) DEFERRETURN, where a frame with open-coded defers resumes after a recovery
    let deferreturn = -1;
    for (let i = 0; i < n; i++) if (body.code[4 * i] === Op.DEFERRETURN) deferreturn = i;
    funcs.push({
      id,
      name: body.name,
      entryIndex: base,
      endIndex: base + n,
      entry: pcOf(base),
      end: pcOf(base + n),
      argSize: body.argSize,
      frameSize: body.frameSize,
      argPtrs: makeBitmap(body.argSize / 8, body.argPtrWords),
      localPtrs: makeBitmap(body.frameSize / 8, body.localPtrWords),
      zeroWords: Int32Array.from(zero),
      argInfo: Uint8Array.from(body.argInfo),
      nosplit: body.nosplit,
      file: body.file,
      deferreturn: deferreturn < 0 ? 0 : pcOf(base + deferreturn) - pcOf(base),
      ...(body.openDefer ? { openDefer: body.openDefer } : {}),
    });
    at += n;
  });
  const data = m.data.slice();
  const funcvalOffset = new Int32Array(funcs.length).fill(-1);
  const dv = new DataView(data.buffer);
  for (const [off, id] of m.funcvalAt) {
    dv.setUint32(off, funcs[id]!.entry, true);
    funcvalOffset[id] = off;
  }
  const constLo = new Int32Array(m.consts.length);
  const constHi = new Int32Array(m.consts.length);
  m.consts.forEach((v, i) => {
    const u = BigInt.asUintN(64, v);
    constLo[i] = Number(u & 0xffffffffn) | 0;
    constHi[i] = Number(u >> 32n) | 0;
  });
  const mainId = m.funcIds.get(m.entryName) ?? -1;
  return new Program(code, lines, funcs, m.types, constLo, constHi, data, m.dataPtrWords, funcvalOffset, mainId, Int32Array.from(m.dataRelocs));
}
