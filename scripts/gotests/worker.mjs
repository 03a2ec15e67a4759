// A worker thread of `pnpm gotests`: compiles and runs each source it is sent through the built gosim and posts
// back the classified result (packages/fuzz runGosim). The parent terminates it on timeout.
import { parentPort } from 'node:worker_threads';
import { rejectedFeature, runGosim } from '@gosim/fuzz';

parentPort.on('message', ({ id, src, filename, maxSteps }) => {
  const r = runGosim(src, filename, { maxSteps });
  parentPort.postMessage({ id, kind: r.kind, exit: r.outcome?.exit, combined: r.combined ?? '', message: r.message, feature: r.kind === 'rejected' ? rejectedFeature(r.message) : undefined, steps: r.steps });
});
