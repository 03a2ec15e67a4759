// Each test file runs in a fresh worker process (workerIdleMemoryLimit 0): these tests fork, and a worker that ran
// earlier files still holds their module instances' pooled 3 GiB address-space buffers (memory/src/backing.ts) until
// a GC nothing triggers; the kernel merges them into one mapping, and a fork whose mapping exceeds RAM + swap under
// heuristic overcommit fails with ENOMEM.
module.exports = { ...require('../../jest.preset.cjs')(__dirname), workerIdleMemoryLimit: 0 };
