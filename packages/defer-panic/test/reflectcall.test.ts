import {
  CallArgs, callOrder, deferpanicNew, deferpanicOld, deferproc, MaxCallOrder, MinCallOrder, PanicFrame, runtimeFuncIds,
  setupReflectcall,
} from '../src/index.js';
import { makeWorld, storeWords } from './world.js';

test('callOrder: the smallest power of two at least the argument size, minimum 16 (call16 … call2^30)', () => {
  const size = (siz: number) => 1 << callOrder(siz);
  for (let siz = 0; siz <= 16; siz++) expect(size(siz)).toBe(16);
  expect(size(17)).toBe(32);
  expect(size(24)).toBe(32);
  expect(size(4096)).toBe(4096);
  expect(size(4097)).toBe(8192);
  expect(size(4112)).toBe(8192); // DeferPtrsGoexit's setBig(&y, 42, bigBuf{}) runs in call8192
  expect(callOrder(2 ** 30)).toBe(30);
  expect([MinCallOrder, MaxCallOrder]).toEqual([4, 30]);
});

test('setupReflectcall picks the callNN frame for the record argument size (4112 bytes → runtime.call8192)', () => {
  const w = makeWorld(deferpanicNew);
  const g = w.newG(16384);
  const mainSp = g.hi - 8192;
  storeWords(w.space, mainSp + 4096, [mainSp + 6000, 42]);
  const d = deferproc(w.ctx, deferpanicNew, g, mainSp, w.fv('main.big'), 4112, 0);
  const sp = mainSp - 512;
  setupReflectcall(w.ctx, sp, d, PanicFrame.rc);
  expect(w.space.load64(sp + PanicFrame.rc)).toBe(w.fv('runtime.call8192'));
  expect(w.space.load64(sp + CallArgs.siz)).toBe(4112);
  // callNN is an ordinary (split-checked) function whose frame is its outgoing area of NN bytes
  const c = w.fn('runtime.call8192');
  expect([c.frameSize, c.argSize, c.nosplit]).toEqual([8192, 24, false]);
  expect(Array.from(c.argPtrs)).toEqual([0b011]); // fn and arg are pointers, siz is not
});

test('runtimeFuncIds finds abortpanic, gopanic, Goexit and every callNN', () => {
  const w = makeWorld(deferpanicOld);
  const ids = runtimeFuncIds(w.prog);
  expect(w.prog.funcs[ids.abortpanic]!.name).toBe('runtime.abortpanic');
  expect(w.prog.funcs[ids.gopanic]!.name).toBe('runtime.gopanic');
  expect(w.prog.funcs[ids.Goexit]!.name).toBe('runtime.Goexit');
  for (let o = MinCallOrder; o <= MaxCallOrder; o++) expect(w.prog.funcs[ids.calls[o]!]!.name).toBe(`runtime.call${2 ** o}`);
  expect(() => runtimeFuncIds({ func: () => undefined })).toThrow('runtime function runtime.call16 missing');
});

test('gopanic and Goexit have real frames: gopanic takes e (interface{}: data word is a pointer), abortpanic is nosplit', () => {
  for (const pol of [deferpanicOld, deferpanicNew]) {
    const w = makeWorld(pol);
    const gp = w.fn('runtime.gopanic');
    expect(gp.frameSize).toBe(PanicFrame.size);
    expect(gp.argSize).toBe(16);
    expect(Array.from(gp.argPtrs)).toEqual([0b10]);
    expect(w.fn('runtime.abortpanic').nosplit).toBe(true);
    expect(w.fn('runtime.Goexit').frameSize).toBe(152);
  }
});
