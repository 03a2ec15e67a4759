// Escape analysis sees every reference: a function named only inside a return statement is analysed first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileToChecked } from '../src/index';

it('a call only in a return statement (return *id(&y)) uses the callee\'s tags: y stays on the stack, as go -m says', () => {
  const src = readFileSync(join(__dirname, 'fixtures/lower/escape_return_call.go'), 'utf8');
  const r = compileToChecked(src, './escape_return_call.go');
  // go build -gcflags='-m -l' (go1.19.8)
  expect(r.escapes).toEqual(['./escape_return_call.go:8:9: leaking param: p to result ~r0 level=0']);
});
