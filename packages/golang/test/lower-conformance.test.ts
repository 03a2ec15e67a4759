// Every conformance program compiles, runs on the runtime (policy new) and matches real Go's .expected exactly
// (after the README's normalization); every benchmark prints its checksum.
import { BENCH_DIR, CONFORMANCE_DIR, goFiles, readGo, render, runGo } from './run-helpers';

jest.setTimeout(600_000);

describe('conformance corpus (policy new)', () => {
  for (const name of goFiles(CONFORMANCE_DIR)) {
    test(name, () => {
      const { src, expected } = readGo(CONFORMANCE_DIR, name);
      const got = runGo(src, `./${name}`);
      expect(render(got)).toBe(render(expected));
    });
  }
});

describe('benchmarks: checksum line', () => {
  for (const name of goFiles(BENCH_DIR)) {
    test(name, () => {
      const { src, expected } = readGo(BENCH_DIR, name);
      const got = runGo(src, `./${name}`);
      const want = expected.stderr.split('\n').find((l) => l.startsWith('checksum:'));
      expect(got.exit).toBe(expected.exit);
      expect(got.stderr.split('\n')).toContain(want);
    });
  }
});
