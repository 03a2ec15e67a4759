// A pool of worker threads running one job each at a time; a job past its timeout has its worker terminated
// (which stops a JavaScript loop that never yields) and a fresh worker started.
import { Worker } from 'node:worker_threads';

export class Pool {
  constructor(workerUrl, size, timeoutMs) {
    this.workerUrl = workerUrl;
    this.timeoutMs = timeoutMs;
    this.idle = [];
    this.waiting = [];
    this.nextId = 0;
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  spawn() {
    return new Worker(this.workerUrl, { resourceLimits: { maxOldGenerationSizeMb: 4096 } });
  }

  /** Runs a job; resolves with the worker's reply, or { kind: 'crashed', message } on timeout or worker death. */
  run(job) {
    return new Promise((resolve) => {
      const start = (w) => {
        const id = this.nextId++;
        let done = false;
        const finish = (result, healthy) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          w.removeAllListeners('message');
          w.removeAllListeners('error');
          w.removeAllListeners('exit');
          if (!healthy) { w.terminate(); w = this.spawn(); }
          const next = this.waiting.shift();
          if (next) next(w); else this.idle.push(w);
          resolve(result);
        };
        const timer = setTimeout(() => finish({ kind: 'timeout', message: `timeout after ${this.timeoutMs / 1000}s` }, false), this.timeoutMs);
        w.on('message', (m) => { if (m.id === id) finish(m, true); });
        w.on('error', (e) => finish({ kind: 'internal', message: `worker died: ${e?.message ?? e}` }, false));
        w.on('exit', (code) => finish({ kind: 'internal', message: `worker exited with status ${code}` }, false));
        w.postMessage({ ...job, id });
      };
      const w = this.idle.pop();
      if (w) start(w); else this.waiting.push(start);
    });
  }

  close() {
    return Promise.all(this.idle.map((w) => w.terminate()));
  }
}
