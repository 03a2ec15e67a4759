'use strict';
// `gosim run`'s output, written straight to file descriptors 1 and 2 as a Go binary's unbuffered writes are:
// touching process.stdout or process.stderr loads Node's stream machinery, 3-7 ms of a start. A failed write
// returns its negated errno, as the system call does: the program's os.File.Write returns it as its error (EPIPE on
// 1 or 2 ends the program as SIGPIPE would, status 141) and println drops it, so `gosim run x.go | head` behaves
// as the Go binary. A non-blocking descriptor that is full (EAGAIN) hands the rest of the output to Node's stream
// for that descriptor, which waits for it to drain; that stream's errors come later, and end the process.
const fs = require('node:fs');

const EIO = 5;

/** Ends the process on a stream's write error: 141 when the reader is gone (a stream, once failed, takes no more). */
const exitOnWriteError = (e) => process.exit(e && (e.code === 'EPIPE' || e.code === 'ECONNRESET') ? 141 : 70);

/** A writer of `fd`; `stream()` is Node's stream for it (process.stdout or process.stderr), used only after EAGAIN. */
function fdWriter(fd, stream) {
  let fallback;
  let broken = 0; // -EPIPE once the reader is gone: every later write fails so too, and costs no system call
  const write = (s) => {
    if (fallback) return fallback.write(s);
    if (broken) return broken;
    let buf = Buffer.from(s);
    while (buf.length > 0) {
      try {
        buf = buf.subarray(fs.writeSync(fd, buf));
      } catch (e) {
        if (e && e.code === 'EPIPE') return (broken = e.errno);
        if (!e || e.code !== 'EAGAIN') return e && typeof e.errno === 'number' && e.errno < 0 ? e.errno : -EIO;
        fallback = stream();
        fallback.on('error', exitOnWriteError);
        return fallback.write(buf);
      }
    }
    return true;
  };
  return { write };
}

/** Writers for main()'s io: stdout and stderr. */
const fdOutput = () => ({ stdout: fdWriter(1, () => process.stdout), stderr: fdWriter(2, () => process.stderr) });

module.exports = { exitOnWriteError, fdOutput, fdWriter };
