// Package time's runtime functions (program/src/isa/rt-time.ts) on the virtual clock of time.ts: Sleep parks
// the goroutine (`sleep`) until the clock reaches its end; startTimer/stopTimer/resetTimer put a
// time.runtimeTimer in or out of the heap; now and runtimeNano read the clock as faketime's time_now does
// (the monotonic reading is the wall clock's nanoseconds). timerInit gives the runtime time.timerproc's funcval;
// timerWait is that goroutine's wait for the next fired timer's call.

import { RuntimeTimer } from '@gosim/program';
import { ChanResult } from './chan.js';
import type { RtImpls } from './rtfuncs.js';
import { timersOf } from './time.js';

export const timeImpls: RtImpls = {
  'time.Sleep': (m, g, a) => {
    const ns = m.space.load64Big(a.at('ns'));
    if (ns <= 0n) return ChanResult.Done;
    timersOf(m).sleep(g, ns);
    m.gopark(g, 'sleep');
    return ChanResult.Blocked;
  },
  'time.startTimer': (m, _g, a) => (timersOf(m).add(m.space.load64(a.at('t'))), ChanResult.Done),
  'time.stopTimer': (m, _g, a) => {
    if (timersOf(m).del(m.space.load64(a.at('t')))) m.space.store8(a.at('ok'), 1);
    return ChanResult.Done;
  },
  'time.resetTimer': (m, _g, a) => {
    const s = m.space;
    const t = s.load64(a.at('t'));
    const tm = timersOf(m);
    if (tm.del(t)) s.store8(a.at('ok'), 1);
    s.store64Big(t + RuntimeTimer.when, s.load64Big(a.at('when')));
    tm.add(t);
    return ChanResult.Done;
  },
  'time.now': (m, _g, a) => {
    const s = m.space;
    const now = timersOf(m).now;
    s.store64Big(a.at('sec'), now / 1_000_000_000n);
    s.store32(a.at('nsec'), Number(now % 1_000_000_000n));
    s.store64Big(a.at('mono'), now);
    return ChanResult.Done;
  },
  'time.runtimeNano': (m, _g, a) => (m.space.store64Big(a.at('ns'), timersOf(m).now), ChanResult.Done),
  'time.timerInit': (m, _g, a) => ((timersOf(m).procFv = m.space.load64(a.at('proc'))), ChanResult.Done),
  'time.timerWait': (m, g, a) => {
    const s = m.space;
    const tm = timersOf(m);
    const c = tm.calls.shift();
    if (c) {
      s.store64(a.at('f'), c.f);
      s.store64(a.at('arg'), c.argType);
      s.store64(a.at('arg') + 8, c.argData);
      s.store64(a.at('seq'), c.seq);
      return ChanResult.Done;
    }
    // results stay zero: time.timerproc asks again when a fired timer readies it
    tm.procWaiting = true;
    m.gopark(g, 'timer goroutine (idle)');
    return ChanResult.Blocked;
  },
};
