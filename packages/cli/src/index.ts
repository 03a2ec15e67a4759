/** @gosim/cli: the `gosim` command. */
export { main, version } from './main.js';
export { runCommand, runFile } from './commands/run.js';
export { ExitStatus } from './exit-status.js';
export type { ExitStatusName } from './exit-status.js';
export { defaultIo, GosimError } from './io.js';
export type { Io, Writer } from './io.js';
export {
  parseBytes, parsePolicyArg, parsePositive, parseSeed, parseStackMin, toRunOptions,
} from './options.js';
export type { RunFlags } from './options.js';
export { formatEvent } from './trace.js';
