// The gosim command: commander set up so that every usage error is one `gosim:` line and status 64.

import { Command, CommanderError } from '@commander-js/extra-typings';
import { internalError, runCommand } from './commands/run.js';
import { ExitStatus } from './exit-status.js';
import { defaultIo, fail, type Io } from './io.js';
import { limitsHelp, pluginArgs, pluginStatus } from './options.js';

type MakeCommand = (io: Io, done: (status: number) => void) => Command<any, any, any>;

// The subcommands in help order. Each module (and @gosim/explore, @gosim/viz behind it) is loaded only when its
// command can be chosen: `gosim run …` loads run's alone, anything else (help, a typo) loads all of them.
const commandModules: ReadonlyArray<readonly [string, () => Promise<MakeCommand>]> = [
  ['run', async () => runCommand],
  ['explore', async () => (await import('./commands/explore.js')).exploreCommand],
  ['matrix', async () => (await import('./commands/matrix.js')).matrixCommand],
  ['demo', async () => (await import('./commands/demo.js')).demoCommand],
  ['viz', async () => (await import('./commands/viz.js')).vizCommand],
];

/** The command builders `argv` may need: the named command's alone, or every one. */
async function commandsFor(argv: readonly string[]): Promise<MakeCommand[]> {
  const named = commandModules.find(([name]) => name === argv[0]);
  return Promise.all((named ? [named] : commandModules).map(([, load]) => load()));
}

/** @gosim/explore's plugin loader, loaded only when a `--plugin` flag is present (the CJS build requires it). */
const pluginLoader = () => import('@gosim/explore');

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
  for (const make of await commandsFor(argv)) {
    program.addCommand(
      make(out, setStatus)
        .exitOverride()
        .allowExcessArguments(false)
        .configureOutput({ writeOut: (s) => void out.stdout.write(s), writeErr: (s) => void out.stderr.write(s), outputError: () => {} }),
    );
  }
  const plugins = pluginArgs(argv);
  if (plugins.length > 0) {
    let explore: typeof import('@gosim/explore') | undefined;
    try {
      explore = await pluginLoader();
      // plugins first, so that --policy, --reference and --piece can name their pieces wherever they stand
      explore.loadPlugins(plugins, out.cwd);
    } catch (e) {
      if (explore && e instanceof explore.PluginError) {
        fail(out, e.message);
        return pluginStatus(e);
      }
      return internalError(out, e);
    }
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
