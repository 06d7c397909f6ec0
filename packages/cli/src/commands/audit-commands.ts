import type { AuditRecord, AuditVerification } from '@ecloud/client';
import type { Command } from 'commander';
import { CheckFailure } from '../check-failure.js';
import type { Column } from '../output/table.js';
import { type CommandContext, sessionOf } from '../session.js';
import { type ListOptions, printList, withListOptions } from './list-command.js';

const COLUMNS: readonly Column<AuditRecord>[] = [
  { header: 'SEQ', value: (record) => record.seq, align: 'right' },
  { header: 'AT', value: (record) => record.at },
  { header: 'PRINCIPAL', value: (record) => `${record.principal.type} ${record.principal.id}` },
  { header: 'ACTION', value: (record) => record.action },
  {
    header: 'RESOURCE',
    value: (record) =>
      `${record.resource.type}${record.resource.id === null ? '' : ` ${record.resource.id}`}`,
  },
  { header: 'OUTCOME', value: (record) => record.outcome },
  {
    header: 'SCOPE',
    value: (record) =>
      record.scope.id === null ? record.scope.kind : `${record.scope.kind} ${record.scope.id}`,
  },
];

/** The first problem of a failed check, as the server words it (its fields typed loosely by the contract). */
interface ChainProblem {
  readonly kind?: string;
  readonly seq?: number;
  readonly message?: string;
}

/** `ecloud audit list|verify`: the tamper-evident audit log (the audit administrator's). @internal */
export function registerAuditCommands(program: Command, context: CommandContext): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  withListOptions(audit.command('list').description('audit records, oldest first')).action(
    async (options: ListOptions, command: Command) => {
      const session = await sessionOf(context, command);
      await printList(session, session.client.audit.list, {}, options, COLUMNS);
    },
  );
  audit
    .command('verify')
    .description('recompute the hash chain of the log (exit 4 if a record was changed, removed or added)')
    .action(async (_options: object, command: Command) => {
      const { client, output } = await sessionOf(context, command);
      const verification = await client.audit.verify({ signal: context.signal });
      output.line(verdict(verification), verification);
      if (!verification.ok)
        throw new CheckFailure(`the audit log does not verify: ${problemText(verification)}`);
    });
}

/** The outcome for people: how many records passed, and where the chain broke. */
function verdict(verification: AuditVerification): string {
  if (!verification.ok) return `audit chain broken after ${verification.records} intact records`;
  const head = verification.head as { seq?: number } | null | undefined;
  const upTo = head?.seq === undefined ? '' : ` (head: record ${head.seq})`;
  return `audit chain intact: ${verification.records} records${upTo}`;
}

function problemText(verification: AuditVerification): string {
  const problem = (verification.problem ?? {}) as ChainProblem;
  const where = problem.seq === undefined ? '' : ` at record ${problem.seq}`;
  return `${problem.kind ?? 'problem'}${where}: ${problem.message ?? 'no detail given'}`;
}
