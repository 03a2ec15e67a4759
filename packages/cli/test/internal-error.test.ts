import { defaultIo, ExitStatus } from '../src/index.js';
import { internalError } from '../src/commands/run.js';

function capture(env: Record<string, string>) {
  let stderr = '';
  const io = defaultIo({ stderr: { write: (s: string) => (stderr += s) }, stdout: { write: () => true }, env });
  return { io, err: () => stderr };
}

describe('internal errors', () => {
  test('a JavaScript exception is one line and status 70, without the stack', () => {
    const c = capture({});
    expect(internalError(c.io, new TypeError('x is not a function\n    more'))).toBe(ExitStatus.internal);
    expect(c.err()).toBe('gosim: internal error: x is not a function more\n');
  });

  test('GOSIM_DEBUG=1 adds the stack', () => {
    const c = capture({ GOSIM_DEBUG: '1' });
    internalError(c.io, new Error('bad'));
    expect(c.err()).toMatch(/^gosim: internal error: bad\nError: bad\n\s+at /);
  });
});
