/** A command's outcome: its exit code. Failures it expects are reported by the command itself. */
export type Command = (args: string[]) => Promise<number>;

/**
 * Runs a command-line entry point. Anything thrown is unexpected: print its message (the engine's
 * messages already say what went wrong and where) without a JavaScript stack, and exit 1.
 */
export function runCli(command: Command): void {
  command(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
