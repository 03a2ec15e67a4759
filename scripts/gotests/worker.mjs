// A child process of `pnpm gotests`: compiles and runs each source it is sent through the built gosim and sends
// back the classified result (packages/fuzz runGosim). The parent kills it on timeout; a fatal V8 error here
// (which no try/catch stops) ends only this process.
import { rejectedFeature, runGosim } from '@gosim/fuzz';
import { parsePolicy } from '@gosim/runtime';

// Go's test/run.go sets GOOS and GOARCH in the environment of every test it runs (env.go reads GOARCH).
const env = ['GOOS=linux', 'GOARCH=amd64'];

process.on('message', ({ id, src, filename, maxSteps, copyStackEvery, gcEvery, policy, tier }) => {
  const r = runGosim(src, filename, { maxSteps, copyStackEvery, gcEvery, env, tier, policy: policy === undefined ? undefined : parsePolicy(policy) });
  process.send({ id, kind: r.kind, exit: r.outcome?.exit, combined: r.combined ?? '', message: r.message, feature: r.kind === 'rejected' ? rejectedFeature(r.message) : undefined, steps: r.steps });
});
