// The map opcodes (program/src/isa/map.ts): Go's hash map on simulated memory (map-core.ts), its iteration
// (map-iter.ts), hashing (map-hash.ts) and layouts (map-layout.ts).

import { Op as MapOp } from '@gosim/program';
import { readWord, writeWord } from '@gosim/memory';
import { ChanResult } from './chan.js';
import type { ExtOps } from './ext-ops.js';
import { makemap, mapaccessInfo, mapassign, mapdelete } from './map-core.js';
import { clearBytes, copyBytes, mapaccess64, mapassign64, mapdelete64 } from './map-fast64.js';
import { mapiterinit, mapiternext } from './map-iter.js';
import { Hmap, mapInfo } from './map-layout.js';

const Done = ChanResult.Done;

/** Handlers of this file's opcodes (program/src/isa/), by opcode. */
export const mapOps: ExtOps = {
  [MapOp.MAKEMAP]: {
    safePoint: true,
    run(m, _g, sp, a, b, c) {
      const h = m.heap.alloc(Hmap.size, m.typeId('runtime.hmap'));
      makemap(m, b, readWord(m.space.i32, sp + c), h);
      writeWord(m.space.i32, sp + a, h);
      return Done;
    },
  },
  [MapOp.MAKEMAPSTK]: {
    safePoint: true,
    run(m, _g, sp, a, b, c) {
      makemap(m, b, readWord(m.space.i32, sp + c), sp + a);
      return Done;
    },
  },
  [MapOp.MAPACCESS1]: { safePoint: false, run: (m, _g, sp, a, b, c) => access(m, sp, a, b, c, false) },
  [MapOp.MAPACCESS2]: { safePoint: false, run: (m, _g, sp, a, b, c) => access(m, sp, a, b, c, true) },
  [MapOp.MAPASSIGN]: {
    safePoint: true,
    run(m, _g, sp, a, b, c) {
      const info = mapInfo(m, b);
      const i32 = m.space.i32;
      const k = (sp + c + 8) >>> 2;
      const e = info.fast64 ? mapassign64(m, info, readWord(i32, sp + c), i32[k]!, i32[k + 1]!) : mapassign(m, b, readWord(i32, sp + c), sp + c + 8);
      writeWord(m.space.i32, sp + a, e);
      return Done;
    },
  },
  [MapOp.MAPDELETE]: {
    safePoint: false,
    run(m, _g, sp, a, b) {
      const info = mapInfo(m, b);
      const i32 = m.space.i32;
      const k = (sp + a + 8) >>> 2;
      if (info.fast64) mapdelete64(m, info, readWord(i32, sp + a), i32[k]!, i32[k + 1]!);
      else mapdelete(m, b, readWord(i32, sp + a), sp + a + 8);
      return Done;
    },
  },
  [MapOp.MAPLEN]: {
    safePoint: false,
    run(m, _g, sp, a, b) {
      const h = readWord(m.space.i32, sp + b);
      writeWord(m.space.i32, sp + a, h === 0 ? 0 : m.space.load64(h + Hmap.count));
      return Done;
    },
  },
  [MapOp.MAPITERINIT]: {
    safePoint: false,
    run(m, _g, sp, a, b, c) {
      mapiterinit(m, b, readWord(m.space.i32, sp + c), sp + a);
      return Done;
    },
  },
  [MapOp.MAPITERNEXT]: {
    safePoint: false,
    run(m, _g, sp, a) {
      mapiternext(m, sp + a);
      return Done;
    },
  },
};

function access(m: Parameters<ExtOps[number]['run']>[0], sp: number, a: number, b: number, c: number, ok: boolean): number {
  const info = mapInfo(m, b);
  const s = m.space;
  const i32 = s.i32;
  const k = (sp + c + 8) >>> 2;
  const e = info.fast64 ? mapaccess64(m, info, readWord(i32, sp + c), i32[k]!, i32[k + 1]!) : mapaccessInfo(m, info, readWord(i32, sp + c), sp + c + 8);
  // the frame and the found slot are mapped: the element is copied through the typed arrays (an 8-byte one inline:
  // a slot of 8 bytes is 8-aligned in its bucket, and the frame slot is checked)
  const n = info.elemSize;
  if (n === 8 && ((sp + a) & 3) === 0) {
    const d = (sp + a) >>> 2;
    if (e === 0) { i32[d] = 0; i32[d + 1] = 0; } else { i32[d] = i32[e >>> 2]!; i32[d + 1] = i32[(e >>> 2) + 1]!; }
  } else if (e === 0) clearBytes(i32, s.u8, sp + a, n);
  else copyBytes(i32, s.u8, sp + a, e, n);
  if (ok) s.u8[sp + a + n] = e === 0 ? 0 : 1;
  return Done;
}
