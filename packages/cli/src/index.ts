/**
 * `@ecloud/cli`: the `ecloud` command line, and {@link run} to embed it.
 * @packageDocumentation
 */

export type { CliIo, InputStream, OutputStream } from './cli-io.js';
export { EXIT_CODES, type ExitCode } from './exit-codes.js';
export { run } from './run.js';
