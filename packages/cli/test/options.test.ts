import { policies, policyName } from '@gosim/runtime';
import { parseBytes, parsePolicyArg, parsePositive, parseSeed, parseStackMin, toRunOptions } from '../src/index.js';

describe('flag values', () => {
  test('--policy accepts old, new and a comma list with unlisted pieces new', () => {
    expect(parsePolicyArg('old')).toBe(policies.old);
    expect(parsePolicyArg('new')).toBe(policies.new);
    expect(policyName(parsePolicyArg('deferpanic=old,gc=old'))).toBe('deferpanic=old,traceback=new,gc=old,copystack=new');
  });

  test('--policy rejects unknown pieces and values with the runtime\'s message', () => {
    expect(() => parsePolicyArg('deferpanic=old,gc=bogus')).toThrow(/gc=bogus/);
    expect(() => parsePolicyArg('heap=old')).toThrow(/unknown policy piece "heap"/);
  });

  test('strides are positive integers', () => {
    expect(parsePositive('13')).toBe(13);
    for (const bad of ['0', '-1', '1.5', 'x', '', '99999999999999999999']) expect(() => parsePositive(bad)).toThrow();
  });

  test('seeds are non-negative integers', () => {
    expect(parseSeed('0')).toBe(0);
    expect(() => parseSeed('-3')).toThrow();
  });

  test('byte counts take binary units', () => {
    expect(parseBytes('65536')).toBe(65536);
    expect(parseBytes('64k')).toBe(65536);
    expect(parseBytes('16MiB')).toBe(16 << 20);
    expect(() => parseBytes('12 parsecs')).toThrow();
    expect(() => parseBytes('0')).toThrow();
  });

  test('--stack-min wants a power of two of at least 2048', () => {
    expect(parseStackMin('2048')).toBe(2048);
    expect(parseStackMin('8k')).toBe(8192);
    expect(() => parseStackMin('1024')).toThrow(/power of two/);
    expect(() => parseStackMin('3000')).toThrow(/power of two/);
  });
});

describe('flags to run options', () => {
  test('defaults: the new policy and nothing else', () => {
    expect(toRunOptions({})).toEqual({ policy: policies.new });
  });

  test('every flag family maps to its run option', () => {
    expect(
      toRunOptions({
        policy: policies.old, stackPoison: true, stackFaultOnFree: true, clobberFree: true, copyStackEvery: 13, gcEvery: 1009,
        seed: 7, stackMin: 2048, maxSteps: 100, maxHeap: 1 << 20, maxStack: 1 << 16,
      }),
    ).toEqual({
      policy: policies.old, stackPoisonCopy: true, stackFaultOnFree: true, clobberFree: true, copyStackEvery: 13, gcEvery: 1009,
      seed: 7, stackMin: 2048, maxSteps: 100, maxHeap: 1 << 20, maxStack: 1 << 16,
    });
  });

  test('--copy-stack-always and --gc-every-safepoint mean every 1', () => {
    expect(toRunOptions({ copyStackAlways: true, gcEverySafepoint: true })).toMatchObject({ copyStackEvery: 1, gcEvery: 1 });
  });
});
