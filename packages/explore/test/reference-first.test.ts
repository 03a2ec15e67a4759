// The reference run comes first: a program that never ends costs one run to the step limit, then stops.
import { compile } from '@gosim/golang';
import { policies } from '@gosim/runtime';
import { explore, exploreSource, ExploreMaxSteps, planExploration, ReferenceLimit } from '../src/index.js';

const forever = 'package main\n\nfunc main() {\n\tfor {\n\t}\n}\n';
const ends = 'package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tprintln(i)\n\t}\n}\n';

const moduleOf = (src: string) => {
  const c = compile(src, 'x.go');
  if (!c.module) throw new Error('does not compile');
  return c.module;
};

describe('the reference run first', () => {
  test('a reference that hits the step limit throws ReferenceLimit before the baseline or any injected run', () => {
    let progressed = 0;
    let err: unknown;
    try {
      explore(moduleOf(forever), { maxSteps: 5000, onProgress: () => progressed++ });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ReferenceLimit);
    expect((err as ReferenceLimit).message).toBe('the reference run (policy new, nothing injected) did not finish: step limit reached (5000 safe points)');
    expect((err as ReferenceLimit).reference.limit).toBe('gosim: step limit reached (5000 safe points)');
    expect(progressed).toBe(0);
  });

  test('exploreSource stops the same way, with explore\'s own default limit of 10 000 000 safe points', async () => {
    expect(ExploreMaxSteps).toBe(10_000_000);
    await expect(exploreSource(forever, 'x.go', { workers: 1 })).rejects.toThrow(
      'the reference run (policy new, nothing injected) did not finish: step limit reached (10000000 safe points)',
    );
  }, 30_000);

  test('a program that ends: the plan injects at each of its safe points', () => {
    const p = planExploration(moduleOf(ends), { policy: policies.new, maxSteps: ExploreMaxSteps }, 1, false);
    expect(p.reference.limit).toBeUndefined();
    expect(p.ks).toEqual(Array.from({ length: p.base.safePoints }, (_, i) => i + 1));
  });
});
