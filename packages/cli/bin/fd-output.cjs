'use strict';
// `gosim run`'s output, written straight to file descriptors 1 and 2 as a Go binary's unbuffered writes are:
// touching process.stdout or process.stderr loads Node's stream machinery, 3-7 ms of a start. A closed pipe
// (`gosim run x.go | head`) ends the process quietly, like a Go binary killed by SIGPIPE (status 141 in a shell);
// any other write error ends it with status 70. A non-blocking descriptor that is full (EAGAIN) hands the rest of
// the output to Node's stream for that descriptor, which waits for it to drain.
const fs = require('node:fs');

const exitOn = (e) => process.exit(e && e.code === 'EPIPE' ? 141 : 70);

/** A writer of `fd`; `stream()` is Node's stream for it (process.stdout or process.stderr), used only after EAGAIN. */
function fdWriter(fd, stream) {
  let fallback;
  const write = (s) => {
    if (fallback) return fallback.write(s);
    let buf = Buffer.from(s);
    while (buf.length > 0) {
      try {
        buf = buf.subarray(fs.writeSync(fd, buf));
      } catch (e) {
        if (!e || e.code !== 'EAGAIN') exitOn(e);
        fallback = stream();
        fallback.on('error', exitOn);
        return fallback.write(buf);
      }
    }
    return true;
  };
  return { write };
}

/** Writers for main()'s io: stdout and stderr. */
const fdOutput = () => ({ stdout: fdWriter(1, () => process.stdout), stderr: fdWriter(2, () => process.stderr) });

module.exports = { fdOutput, fdWriter };
