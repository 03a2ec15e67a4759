// reflect's runtime functions: the Kind of each program type descriptor shape, and every reflect declaration
// in the registry has an implementation (a missing one would be a GoThrow at the first call).
import { rtFuncs, type ProgramType } from '@gosim/program';
import { Kind, kindOf, reflectImpls } from '../src/rt-reflect';

const t = (name: string, kind: ProgramType['kind'], size: number, extra: Partial<ProgramType> = {}): ProgramType => ({
  name, kind, size, ptrWords: [], elem: -1, ...extra,
});

describe('reflect kinds', () => {
  test('predeclared types by their underlying basic name, whatever their defined name', () => {
    expect(kindOf(t('int', 'int', 8))).toBe(Kind.Int);
    expect(kindOf(t('int64', 'int', 8, { basic: 'int64' }))).toBe(Kind.Int64);
    expect(kindOf(t('main.myint', 'int', 8, { named: true, basic: 'int' }))).toBe(Kind.Int);
    expect(kindOf(t('main.id', 'int', 8, { named: true, basic: 'int64' }))).toBe(Kind.Int64);
    expect(kindOf(t('uint8', 'byte', 1, { basic: 'uint8' }))).toBe(Kind.Uint8);
    expect(kindOf(t('int32', 'int', 4, { basic: 'int32' }))).toBe(Kind.Int32);
    expect(kindOf(t('float32', 'float', 4, { basic: 'float32' }))).toBe(Kind.Float32);
    expect(kindOf(t('complex128', 'complex', 16, { basic: 'complex128' }))).toBe(Kind.Complex128);
    expect(kindOf(t('string', 'string', 16))).toBe(Kind.String);
    expect(kindOf(t('unsafe.Pointer', 'pointer', 8))).toBe(Kind.UnsafePointer);
  });
  test('composite kinds by shape; runtime-internal records count as structs', () => {
    expect(kindOf(t('*main.T', 'pointer', 8))).toBe(Kind.Pointer);
    expect(kindOf(t('[]int', 'slice', 24))).toBe(Kind.Slice);
    expect(kindOf(t('[3]int', 'array', 24, { len: 3 }))).toBe(Kind.Array);
    expect(kindOf(t('map[string]int', 'map', 8))).toBe(Kind.Map);
    expect(kindOf(t('chan int', 'chan', 8))).toBe(Kind.Chan);
    expect(kindOf(t('func()', 'func', 8))).toBe(Kind.Func);
    expect(kindOf(t('error', 'interface', 16))).toBe(Kind.Interface);
    expect(kindOf(t('main.T', 'struct', 16, { named: true }))).toBe(Kind.Struct);
    expect(kindOf(t('runtime.boundsError', 'runtime-error', 16))).toBe(Kind.Struct);
  });
  test('every registered reflect runtime function is implemented, and every implementation registered', () => {
    const names = rtFuncs.map((f) => f.name).filter((n) => n.startsWith('reflect.'));
    expect(names.length).toBeGreaterThan(20);
    expect(names.sort()).toEqual(Object.keys(reflectImpls).sort());
  });
});
