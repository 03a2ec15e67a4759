import { GStatus } from '@gosim/stack';
import { copystack, copystackAdjustFirst, copystackCopyFirst, copystackNew, type CopystackPolicy } from '../src/index.js';
import { buildStack, makeWorld, newPieces, type Event } from './world.js';

/** main → f, f.q = &f.r: one stack pointer to adjust. */
function scene(copystackPiece: CopystackPolicy) {
  const w = makeWorld({ ...newPieces, copystack: copystackPiece }, { stackPoisonCopy: true });
  const { g, sps } = buildStack(w, [{ name: 'main.main', at: 3 }, { name: 'main.f', at: 4 }]);
  const fSp = sps[1]!;
  w.space.store64(fSp + w.slot('main.f', 'q'), fSp + w.slot('main.f', 'r'));
  return { w, g, fSp };
}
const kinds = (es: readonly Event[]) => es.filter((e) => e.kind === 'stack-copied' || e.kind === 'pointer-adjusted').map((e) => e.kind);

describe('copystack is the piece method, built from the stages', () => {
  test('the entry marks g _Gcopystack, calls the piece\'s copystack with (g, newsize, why), then restores the status', () => {
    const calls: [number, string, number][] = [];
    const piece: CopystackPolicy = {
      ...copystackNew,
      name: 'spy',
      copystack(ctx, g, newsize, why) {
        calls.push([newsize, why, g.status]);
        copystackAdjustFirst(ctx, g, newsize, why);
      },
    };
    const { w, g } = scene(piece);
    const before = g.status;
    copystack(w.ctx, g, 16384, 'shrink');
    expect(calls).toEqual([[16384, 'shrink', GStatus.Copystack]]);
    expect(g.status).toBe(before);
    expect(g.hi - g.lo).toBe(16384);
  });

  test('2014 order: frames are adjusted in the old stack before the copy; copy-first: in the new stack after the switch', () => {
    for (const [piece, order] of [
      [copystackNew, ['pointer-adjusted', 'stack-copied']],
      [copystackCopyFirst, ['stack-copied', 'pointer-adjusted']],
    ] as const) {
      const { w, g, fSp } = scene(piece);
      const [oldLo, oldHi] = [g.lo, g.hi];
      copystack(w.ctx, g, 16384);
      expect(kinds(w.events)).toEqual(order);
      const adjusted = w.events.find((e) => e.kind === 'pointer-adjusted')!;
      const at = adjusted.kind === 'pointer-adjusted' ? adjusted.at : 0;
      const inOld = at >= oldLo && at < oldHi;
      expect(inOld).toBe(piece === copystackNew);
      // either way the moved q points at the moved r
      const newF = fSp + (g.hi - oldHi);
      expect(w.space.load64(newF + w.slot('main.f', 'q'))).toBe(newF + w.slot('main.f', 'r'));
    }
  });
});
