import type { Volume } from '@ecloud/client';
import type { Command } from 'commander';
import type { Column } from '../output/table.js';
import { type CommandContext, sessionOf } from '../session.js';
import { type ListOptions, printList, withListOptions } from './list-command.js';
import { compact } from './option-parsers.js';

const COLUMNS: readonly Column<Volume>[] = [
  { header: 'ID', value: (volume) => volume.id },
  { header: 'NAME', value: (volume) => volume.name },
  { header: 'ROLE', value: (volume) => volume.role },
  { header: 'SIZE_GIB', value: (volume) => volume.sizeGiB, align: 'right' },
  { header: 'STATE', value: (volume) => volume.state },
  { header: 'INSTANCE', value: (volume) => volume.instanceId },
  { header: 'POOL', value: (volume) => volume.storagePool ?? 'local' },
];

/** `ecloud volume list`: disks. @internal */
export function registerVolumeCommands(program: Command, context: CommandContext): void {
  const volume = program.command('volume').description('disks');
  withListOptions(
    volume
      .command('list')
      .description('volumes')
      .option('--instance <id>', 'only of this instance')
      .option('--tenant <id>', 'only of this tenant'),
  ).action(async (options: ListOptions & { instance?: string; tenant?: string }, command: Command) => {
    const session = await sessionOf(context, command);
    const filter = compact({ instanceId: options.instance, tenantId: options.tenant });
    await printList(session, session.client.volumes.list, filter, options, COLUMNS);
  });
}
