// The gosim command: commander set up so that every usage error is one `gosim:` line and status 64.

import { Command, CommanderError } from '@commander-js/extra-typings';
import { demoCommand } from './commands/demo.js';
import { exploreCommand } from './commands/explore.js';
import { matrixCommand } from './commands/matrix.js';
import { internalError, runCommand } from './commands/run.js';
import { vizCommand } from './commands/viz.js';
import { ExitStatus } from './exit-status.js';
import { defaultIo, fail, type Io } from './io.js';
import { PluginError, loadPlugins } from '@gosim/explore';
import { limitsHelp, pluginArgs, pluginStatus } from './options.js';

export const version = '0.0.0';

/**
 * Runs the gosim command line (`argv` without node and the script: `['run', 'x.go']`) and returns the exit status.
 * Output goes to `io` (default: the process streams and environment). Never throws.
 */
export async function main(argv: readonly string[], io?: Partial<Io>): Promise<number> {
  const out = defaultIo(io);
  if (argv.length === 0) {
    fail(out, "missing command: try 'gosim demo', 'gosim run FILE.go' or 'gosim --help'");
    return ExitStatus.usage;
  }
  let status: number = ExitStatus.ok;
  const program = new Command('gosim')
    .description('Run Go-subset programs on a simulated Go runtime (old and new policies of CL 141490043)')
    .version(version, '-V, --version')
    .exitOverride()
    .allowExcessArguments(false)
    .configureOutput({
      writeOut: (s) => void out.stdout.write(s),
      writeErr: (s) => void out.stderr.write(s),
      outputError: () => {}, // printed as one line below
    })
    .addHelpText('after', `\nStart with: gosim demo\n\nExit statuses: run: the program's own (0, 2 for panics/fatal errors), 1 file missing or not loadable, as go run;\nexplore: 0 no failure, 1 failures found; 2 compile errors (or a source file over the size cap), as go run;\nviz: 0 once the site is written or the server stopped, 1 the --out folder or the --port unusable, 70 its page not built;\n64 bad usage (also a --plugin module that fails to load or exports no pieces); 66 explore/matrix: file missing or unreadable, any: a --plugin file missing; 70 internal error; 75 step/heap limit reached.\n${limitsHelp()}`);
  const setStatus = (s: number) => {
    status = s;
  };
  for (const make of [runCommand, exploreCommand, matrixCommand, demoCommand, vizCommand]) {
    program.addCommand(
      make(out, setStatus)
        .exitOverride()
        .allowExcessArguments(false)
        .configureOutput({ writeOut: (s) => void out.stdout.write(s), writeErr: (s) => void out.stderr.write(s), outputError: () => {} }),
    );
  }
  try {
    // plugins first, so that --policy, --reference and --piece can name their pieces wherever they stand
    loadPlugins(pluginArgs(argv), out.cwd);
  } catch (e) {
    if (e instanceof PluginError) {
      fail(out, e.message);
      return pluginStatus(e);
    }
    return internalError(out, e);
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return ExitStatus.ok; // --help, --version, help
      fail(out, e.message.replace(/^error:\s*/, ''));
      return ExitStatus.usage;
    }
    return internalError(out, e);
  }
}
