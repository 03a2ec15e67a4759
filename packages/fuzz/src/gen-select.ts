// Select and labels. Every select has a deterministic choice: exactly one case is ready (a buffered value, room in
// a buffer, a closed channel, nil channels that never are), or none is and default runs, or it blocks until one
// goroutine makes exactly one case ready. Labeled break and continue across nested loops, break out of a switch
// and a select by label, goto backwards (a loop) and forwards. A scenario may end in `send on closed channel`
// from a select or `close of nil channel`.
import { Builder, quote } from './builder.js';

/** Select blocks; a, b are buffered (cap 2, 1) and empty at the start of each, nilc is nil, k ≥ 0 not constant. */
function selects(t: (l: string) => string, r: Builder['rng']): string[][] {
  const dflt = r.chance(0.5) ? ['default:', `\tprintln(${t('default')})`] : [];
  return [
    ['a <- k', 'select {', 'case v := <-a:', `\tprintln(${t('recv a')}, v)`, 'case s := <-b:', `\tprintln(${t('recv b')}, s)`, 'case nilc <- 1:', `\tprintln(${t('nil send')})`, ...dflt, '}'],
    ['select {', 'case v := <-a:', `\tprintln(${t('recv a')}, v)`, 'case <-nilc:', `\tprintln(${t('nil recv')})`, 'default:', `\tprintln(${t('default')}, len(a), cap(a))`, '}'],
    ['select {', 'case b <- "x":', `\tprintln(${t('sent')}, len(b))`, 'case v := <-nilc:', `\tprintln(${t('nil recv')}, v)`, '}', 'println(<-b)'],
    ['c := make(chan int, 1)', 'c <- k', 'close(c)', 'for i := 0; i < 2; i++ {', '\tselect {', '\tcase v, ok := <-c:', `\t\tprintln(${t('closed')}, v, ok)`, '\tcase nilc <- i:', `\t\tprintln(${t('never')}, i)`, '\t}', '}'],
    ['d := make(chan int)', 'go func() {', '\td <- k * 3', '}()', 'select {', 'case v := <-d:', `\tprintln(${t('from goroutine')}, v)`, 'case <-nilc:', `\tprintln(${t('never')})`, '}'],
    ['e := make(chan int)', 'done := make(chan int)', 'go func() {', '\tdone <- <-e * 2', '}()', 'select {', 'case e <- k + 1:', `\tprintln(${t('sent to goroutine')})`, 'case nilc <- 2:', '}',
      `println(${t('answer')}, <-done)`],
    [`for i := 0; i < ${r.range(1, 2)}; i++ {`, '\ta <- i + k', '}', 'sum := 0', 'drain:', 'for {', '\tselect {', '\tcase v := <-a:', '\t\tsum += v', '\t\tif v > 100 {', '\t\t\tbreak drain', '\t\t}',
      '\tdefault:', '\t\tbreak drain', '\t}', '}', `println(${t('drained')}, sum, len(a))`],
    ['req := make(chan int)', 'resp := make(chan int)', 'quit := make(chan bool)', 'go func() {', '\tfor {', '\t\tselect {', '\t\tcase v := <-req:', '\t\t\tresp <- v * v', '\t\tcase <-quit:',
      '\t\t\tresp <- -1', '\t\t\treturn', '\t\t}', '\t}', '}()', `for i := 0; i < ${r.range(1, 5)}; i++ {`, '\treq <- i + k', `\tprintln(${t('worker')}, <-resp)`, '}', 'close(quit)',
      `println(${t('worker quit')}, <-resp)`],
    ['var x interface{} = k', 'sel:', 'select {', 'case a <- 1:', '\tswitch x.(type) {', '\tcase int:', '\t\tbreak sel', '\t}', `\tprintln(${t('not int')})`, '}', `println(${t('after sel')}, <-a)`],
  ];
}

function labels(t: (l: string) => string, r: Builder['rng']): string[][] {
  const n = r.range(2, 5);
  return [
    ['outer:', `for i := 0; i < ${n}; i++ {`, `\tfor j := 0; j < ${r.range(2, 5)}; j++ {`, `\t\tif (i*j+k)%${r.range(2, 5)} == 1 {`, '\t\t\tcontinue outer', '\t\t}',
      `\t\tif i+j > ${r.range(2, 6)} {`, '\t\t\tbreak outer', '\t\t}', `\t\tprintln(${t('pair')}, i, j)`, '\t}', `\tprintln(${t('row')}, i)`, '}'],
    ['i := 0', 'acc := 0', 'again:', `if i < ${n} + k {`, '\tacc += i * i', '\ti++', '\tgoto again', '}', `println(${t('goto loop')}, i, acc)`],
    ['j := k', `if j < ${r.range(0, 4)} {`, '\tgoto done', '}', `println(${t('not skipped')}, j)`, 'j += 100', 'done:', `println(${t('done')}, j)`],
    ['sw:', 'switch {', 'case k >= 0:', `\tfor i := 0; ; i++ {`, `\t\tif i == ${n} {`, '\t\t\tbreak sw', '\t\t}', `\t\tprintln(${t('in switch')}, i)`, '\t}', '}'],
    ['cnt := 0', 'rows:', `for _, row := range [][]int{{1, 2}, {k, 3, 4}, {}, {5}} {`, '\tfor _, v := range row {', '\t\tcnt++', `\t\tif v == ${r.range(1, 5)} {`, '\t\t\tcontinue rows', '\t\t}',
      '\t}', `\tprintln(${t('row done')}, len(row))`, '}', `println(${t('count')}, cnt)`],
  ];
}

/** Select and label blocks; main calls the function under protect. */
export function selectScenario(b: Builder, name: string): void {
  const r = b.rng;
  const t = (l: string): string => quote(`${name} ${l}`);
  const body = [`k := sink - sink + ${r.range(0, 5)}`, 'a := make(chan int, 2)', 'b := make(chan string, 1)', 'var nilc chan int', '_, _, _ = a, b, nilc'];
  const n = r.range(2, 6);
  for (let i = 0; i < n; i++) {
    const blk = r.chance(0.65) ? r.pick(selects(t, r)) : r.pick(labels(t, r));
    body.push('func() {', ...blk.map((l) => `\t${l}`), '}()');
  }
  if (r.chance(0.25)) {
    body.push(...r.pick([
      ['close(a)', 'select {', 'case a <- k:', `\tprintln(${t('unreachable')})`, 'case <-nilc:', '}'],
      ['close(b)', 'close(b)'],
      ['select {', 'case v := <-a:', `\tprintln(${t('never')}, v)`, 'default:', '\tclose(nilc)', '}'],
    ]));
  }
  b.scenario(name, body);
}
