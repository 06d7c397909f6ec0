import type { Page } from '@ecloud/client';
import type { CliIo } from '../cli-io.js';
import { type Column, renderFields, renderTable } from './table.js';

/**
 * What a command prints: for people a table or `label: value` lines, for scripts (`--json`) the API's
 * JSON, unchanged, on stdout. Notes for people (hints, progress) go to stderr, so stdout stays data.
 * @internal
 */
export class Output {
  readonly #io: CliIo;
  /** Whether to print JSON. */
  readonly json: boolean;

  constructor(io: CliIo, json: boolean) {
    this.#io = io;
    this.json = json;
  }

  /** One page of a list; for people, a hint how to get the next. */
  page<T>(page: Page<T>, columns: readonly Column<T>[]): void {
    if (this.json) {
      this.value(page);
      return;
    }
    this.#io.stdout.write(`${renderTable(columns, page.items)}\n`);
    if (page.nextCursor !== undefined) this.note(`more: --cursor ${page.nextCursor} (or --all)`);
  }

  /** One record. */
  record<T>(record: T, fields: readonly Column<T>[]): void {
    this.#io.stdout.write(this.json ? toJson(record) : `${renderFields(fields, record)}\n`);
  }

  /** Any value as JSON (also for people, where no table fits). */
  value(value: unknown): void {
    this.#io.stdout.write(toJson(value));
  }

  /** A line of the result for people; with `--json`, `json` is printed instead. */
  line(text: string, json: unknown): void {
    this.#io.stdout.write(this.json ? toJson(json) : `${text}\n`);
  }

  /** A remark for people, on stderr. */
  note(text: string): void {
    this.#io.stderr.write(`${text}\n`);
  }
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
