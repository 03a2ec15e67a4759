// Go's runtime printfloat/printcomplex and complex128div on their own; the expected texts are what go1.19.8's
// println prints for the same values.
import { complex128div } from '../src/float.js';
import { printcomplex, printfloat } from '../src/printfloat.js';

describe('printfloat', () => {
  it.each([
    [1e23, '+1.000000e+023'], [9.9999999e-5, '+1.000000e-004'], [5e-324, '+4.940656e-324'],
    [1.7976931348623157e308, '+1.797693e+308'], [123456789, '+1.234568e+008'], [9.9999995, '+1.000000e+001'],
    [9.99999949, '+9.999999e+000'], [999999.95, '+1.000000e+006'], [-0.5, '-5.000000e-001'], [0, '+0.000000e+000'],
    [-0, '-0.000000e+000'], [Infinity, '+Inf'], [-Infinity, '-Inf'], [NaN, 'NaN'],
  ])('%p prints as %s', (v, want) => {
    expect(printfloat(v)).toBe(want);
  });

  it('prints a complex as (re im i)', () => {
    expect(printcomplex(1, -2)).toBe('(+1.000000e+000-2.000000e+000i)');
    expect(printcomplex(NaN, Infinity)).toBe('(NaN+Infi)');
  });
});

describe('complex128div', () => {
  it('is Smith\'s algorithm with C99\'s corrections', () => {
    expect(complex128div(1, 2, 3, 4)).toEqual([0.44, 0.08]);
    expect(complex128div(1, 2, 0, 0)).toEqual([Infinity, Infinity]);
    expect(complex128div(Infinity, Infinity, 3, 4)).toEqual([Infinity, 0 * Infinity]);
    expect(complex128div(1, 2, Infinity, 0)).toEqual([0, 0]);
  });
});
