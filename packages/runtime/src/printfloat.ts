// Go's runtime printfloat and printcomplex (runtime/print.go): 7 significant digits, `+d.dddddde+ddd`, +Inf,
// -Inf, NaN; a complex prints as `(re im i)` with both parts printfloat'ed. The arithmetic is float64's, as Go's.

import type { AddressSpace } from '@gosim/memory';

export function printfloat(v0: number): string {
  let v = v0;
  if (v !== v) return 'NaN';
  if (v + v === v && v > 0) return '+Inf';
  if (v + v === v && v < 0) return '-Inf';
  const n = 7;
  let sign = '+';
  let e = 0;
  if (v === 0) {
    if (1 / v < 0) sign = '-';
  } else {
    if (v < 0) { v = -v; sign = '-'; }
    while (v >= 10) { e++; v /= 10; }
    while (v < 1) { e--; v *= 10; }
    let h = 5.0;
    for (let i = 0; i < n; i++) h /= 10;
    v += h;
    if (v >= 10) { e++; v /= 10; }
  }
  let digits = '';
  for (let i = 0; i < n; i++) {
    const s = Math.trunc(v);
    digits += String.fromCharCode(48 + s);
    v -= s;
    v *= 10;
  }
  let es = '+';
  if (e < 0) { e = -e; es = '-'; }
  const ed = String.fromCharCode(48 + Math.trunc(e / 100), 48 + Math.trunc(e / 10) % 10, 48 + e % 10);
  return `${sign}${digits[0]}.${digits.slice(1)}e${es}${ed}`;
}

export function printcomplex(re: number, im: number): string {
  return `(${printfloat(re)}${printfloat(im)}i)`;
}

/** The float or complex value of `size` bytes (4, 8 for floats; 8, 16 for complex) at addr, as print shows it. */
export function floatAt(s: AddressSpace, addr: number, size: number, complex: boolean): string {
  if (!complex) return printfloat(size === 4 ? s.f32[addr >>> 2]! : s.f64[addr >>> 3]!);
  if (size === 8) return printcomplex(s.f32[addr >>> 2]!, s.f32[(addr >>> 2) + 1]!);
  return printcomplex(s.f64[addr >>> 3]!, s.f64[(addr >>> 3) + 1]!);
}
