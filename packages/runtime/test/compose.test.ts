import { copystackNew, type CopystackPolicy } from '@gosim/copystack';
import { gcNew, type GCPolicy } from '@gosim/gc';
import { derivePiece, mixPolicy, runModule, wrapPiece, type RuntimeEvent } from '../src/index.js';
import { deepPointers } from './programs.js';

const expected = `${7 + (200 * 201) / 2}\n`;
const run = (copystack: CopystackPolicy, gc: GCPolicy = gcNew) => {
  const events: RuntimeEvent[] = [];
  const r = runModule(deepPointers(200, 7, 512, { gcAtBottom: true }), {
    policy: { ...mixPolicy({}), copystack, gc },
    onEvent: (e) => events.push(e),
  });
  return { ...r, events };
};

describe('pieces take any name and compose', () => {
  test('a piece under any name runs exactly as the piece it copies (nothing branches on a name)', () => {
    const stock = run(copystackNew);
    const renamed = run({ ...copystackNew, name: 'my variant' });
    expect(renamed.stderr).toBe(expected);
    expect(renamed.stderr).toBe(stock.stderr);
    // the gc-cycle number counts across machines; all else is the same
    const strip = (es: RuntimeEvent[]) => es.map((e) => (e.kind === 'gc-cycle' ? { ...e, n: 0 } : e));
    expect(strip(renamed.events)).toEqual(strip(stock.events));
  });

  test('derivePiece: a new name, one method replaced, calling the base method through its last argument', () => {
    const seen: number[] = [];
    const d = derivePiece(copystackNew, {
      name: 'logging',
      adjustdefers(ctx, g, adj, base) {
        seen.push(adj.delta);
        base.adjustdefers(ctx, g, adj);
      },
    });
    expect(d.name).toBe('logging');
    expect(d.piece).toBe('copystack');
    expect(copystackNew.name).toBe('new'); // the base is untouched
    const r = run(d);
    expect(r.stderr).toBe(expected);
    expect(seen.length).toBe(r.events.filter((e) => e.kind === 'stack-copied').length);
    expect(seen.length).toBeGreaterThan(0);
  });

  test('wrapPiece: wrapCall sees every call of a derived piece and keeps its name', () => {
    const noop = derivePiece(copystackNew, { name: 'noop', adjustdefers() {} });
    const calls: string[] = [];
    const w = wrapPiece(noop, { wrapCall: (c) => (calls.push(c.method), c.next(...c.args)) });
    expect(w.name).toBe('noop');
    const r = run(w);
    expect(r.stderr).toBe(expected);
    expect(calls).toContain('adjustdefers');
  });

  test('wrapPiece: a per-method hook runs inside wrapCall, once per call; the name can change', () => {
    const w = wrapPiece(gcNew, { name: 'renamed gc' });
    expect(w.name).toBe('renamed gc');
    expect(w.piece).toBe('gc');
    expect(gcNew.name).toBe('new');
    let n = 0;
    const twice = wrapPiece(copystackNew, {
      wrap: { adjustdefers: (c) => { n++; c.next(...c.args); } },
      wrapCall: (c) => (c.method === 'adjustdefers' ? (n *= 10, c.next(...c.args)) : c.next(...c.args)),
    });
    const r = run(twice, w);
    expect(r.stderr).toBe(expected);
    const copies = r.events.filter((e) => e.kind === 'stack-copied').length;
    expect(copies).toBeGreaterThan(1);
    // n = ((0*10+1)*10+1)... : the outer hook ran first on each call
    expect(n).toBe(Number('1'.repeat(copies)));
  });

  test('wrapPiece: a hook can alter arguments: the inner method receives what the hook passes to next', () => {
    const deltas: number[] = [];
    const inner = derivePiece(copystackNew, { name: 'rec', adjustdefers: (ctx, g, adj, base) => (deltas.push(adj.delta), base.adjustdefers(ctx, g, adj)) });
    const off = wrapPiece(inner, { wrap: { adjustdefers: (c) => c.next(c.args[0], c.args[1], { ...c.args[2], delta: 0 }) } });
    run(off);
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.every((d) => d === 0)).toBe(true);
  });
});
