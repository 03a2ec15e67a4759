// Real Go as the reference: `go build` once, run the binary (with a timeout), normalize as the corpus does.
import { execFile, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeOutput, type NormalizedOutput } from '@gosim/runtime';

/** `go version`'s line when go is on PATH, else undefined. */
export function goVersion(go = 'go'): string | undefined {
  const r = spawnSync(go, ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export interface Exec {
  status: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export function exec(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Exec> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: opts.cwd, env: opts.env, timeout: opts.timeoutMs, maxBuffer: 64 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number | string; killed?: boolean; signal?: string }) | null;
      const status = e === null ? 0 : typeof e.code === 'number' ? e.code : 128;
      resolve({ status, stdout, stderr, timedOut: e?.killed === true || e?.signal === 'SIGTERM' });
    });
  });
}

export type GoBuild = { ok: true; binary: string } | { ok: false; message: string };

/** Writes `src` as dir/main.go and builds dir/prog. */
export async function goBuild(src: string, dir: string, go = 'go', timeoutMs = 120_000): Promise<GoBuild> {
  writeFileSync(join(dir, 'main.go'), src);
  const r = await exec(go, ['build', '-o', 'prog', 'main.go'], { cwd: dir, timeoutMs });
  return r.status === 0 ? { ok: true, binary: join(dir, 'prog') } : { ok: false, message: (r.stderr || r.stdout).trim() };
}

export interface GoRun {
  outcome: NormalizedOutput;
  timedOut: boolean;
}

/** Runs a built binary; `gomaxprocs` varies the schedule between runs. */
export async function goRun(binary: string, gomaxprocs: number, timeoutMs = 20_000): Promise<GoRun> {
  const r = await exec(binary, [], { env: { ...process.env, GOMAXPROCS: String(gomaxprocs), GOTRACEBACK: 'single' }, timeoutMs });
  return { outcome: normalizeOutput(r.status, r.stdout, r.stderr), timedOut: r.timedOut };
}
