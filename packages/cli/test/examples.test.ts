import { join } from 'node:path';
import { gosim, lines } from './helpers.js';

const examples = join(__dirname, '..', '..', '..', 'examples');

// The CL's scenarios (examples/*.go) under the new policy: exit 0 and the easy-to-check last line.
describe('examples under the new policy', () => {
  test.each([
    ['defer_ptrs.go', 'value = 4200 bad = 0'],
    ['defer_ptrs_goexit.go', 'sum = 4200 bad = 0'],
    ['defer_ptrs_panic.go', 'sum = 4200 bad = 0'],
    ['panic_use_stack.go', 'levels = 3 walks ok = true'],
    ['gc_defer_args.go', 'object intact = true'],
  ])('%s ends with "%s"', async (file, last) => {
    const r = await gosim(['run', join(examples, file)]);
    expect(r.status).toBe(0);
    const l = lines(r.stderr);
    expect(l[l.length - 1]).toBe(last);
  }, 60_000);
});
