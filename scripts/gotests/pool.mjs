// A pool of child processes running one job each at a time. A job past its timeout has its child killed (which
// stops a JavaScript loop that never yields) and a child that dies (a fatal V8 error, out of memory) is reported
// as that job's crash; either way a fresh child takes its place.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export class Pool {
  constructor(workerUrl, size, timeoutMs) {
    this.workerPath = fileURLToPath(workerUrl);
    this.timeoutMs = timeoutMs;
    this.idle = [];
    this.waiting = [];
    this.nextId = 0;
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  spawn() {
    return fork(this.workerPath, [], { execArgv: ['--max-old-space-size=4096'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  }

  /** Runs a job; resolves with the child's reply, or { kind: 'timeout' | 'internal', message } when it failed. */
  run(job) {
    return new Promise((resolve) => {
      const start = (w) => {
        const id = this.nextId++;
        let done = false;
        let stderr = '';
        const onErr = (d) => { stderr = (stderr + d).slice(-2000); };
        const finish = (result, healthy) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          w.removeAllListeners('message');
          w.removeAllListeners('exit');
          w.stderr?.off('data', onErr);
          if (!healthy) { w.kill('SIGKILL'); w = this.spawn(); }
          const next = this.waiting.shift();
          if (next) next(w); else this.idle.push(w);
          resolve(result);
        };
        const timer = setTimeout(() => finish({ kind: 'timeout', message: `timeout after ${this.timeoutMs / 1000}s` }, false), this.timeoutMs);
        w.stderr?.on('data', onErr);
        w.on('message', (m) => { if (m.id === id) finish(m, true); });
        w.on('exit', (code, signal) => {
          const why = /Fatal JavaScript[^\n]*|JavaScript heap out of memory|Error[^\n]*/.exec(stderr)?.[0] ?? '';
          finish({ kind: 'internal', message: `gosim process died (${signal ?? `status ${code}`})${why ? `: ${why}` : ''}` }, false);
        });
        w.send({ ...job, id });
      };
      const w = this.idle.pop();
      if (w) start(w); else this.waiting.push(start);
    });
  }

  close() {
    for (const w of this.idle) w.kill();
  }
}
