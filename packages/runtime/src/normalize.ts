// The comparison rule of the conformance corpus (corpus/conformance/README.md), shared by everything that
// compares gosim's output with Go's: stderr is cut at the first goroutine or "runtime stack:" header (that
// line becomes the traceback header, non-1 goroutine ids written "?"), trailing blank lines dropped,
// pc=0x... on [signal ...] lines becomes pc=0x?, and every hex number on "runtime: " lines becomes 0x?.

export interface NormalizedOutput {
  exit: number;
  traceback: string;
  stdout: string;
  stderr: string;
}

const header = /^goroutine (\d+) \[[^\]]*\]:$/;

export function normalizeOutput(exit: number, stdout: string, stderr: string): NormalizedOutput {
  const lines = stderr.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  let traceback = 'none';
  const kept: string[] = [];
  for (const line of lines) {
    const h = header.exec(line);
    if (h || line === 'runtime stack:') {
      traceback = h && h[1] !== '1' ? line.replace(/^goroutine \d+/, 'goroutine ?') : line;
      break;
    }
    if (line.startsWith('[signal ')) kept.push(line.replace(/pc=0x[0-9a-f]+/, 'pc=0x?'));
    else if (line.startsWith('runtime: ')) kept.push(line.replace(/0x[0-9a-f]+/g, '0x?'));
    else kept.push(line);
  }
  while (kept.length && kept[kept.length - 1] === '') kept.pop();
  return { exit, traceback, stdout, stderr: kept.join('\n') };
}

/** The .expected file format of the corpus. */
export function formatExpected(n: NormalizedOutput): string {
  return `exit: ${n.exit}\ntraceback: ${n.traceback}\n--- stdout\n${n.stdout}--- stderr\n${n.stderr}${n.stderr ? '\n' : ''}`;
}

export function parseExpected(text: string): NormalizedOutput {
  const m = /^exit: (\d+)\ntraceback: (.*)\n--- stdout\n([\s\S]*?)--- stderr\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error('not an .expected file');
  return { exit: Number(m[1]), traceback: m[2]!, stdout: m[3]!, stderr: m[4]!.replace(/\n+$/, '') };
}
