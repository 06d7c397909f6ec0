import type { Host } from '@ecloud/client';
import type { Command } from 'commander';
import type { Column } from '../output/table.js';
import { type CommandContext, sessionOf } from '../session.js';
import { type ListOptions, printList, withListOptions } from './list-command.js';
import { compact } from './option-parsers.js';

const COLUMNS: readonly Column<Host>[] = [
  { header: 'ID', value: (host) => host.id },
  { header: 'NAME', value: (host) => host.name },
  { header: 'STATE', value: (host) => host.state },
  { header: 'MAINTENANCE', value: (host) => host.maintenance },
  { header: 'VCPUS', value: (host) => `${host.allocated.vcpus}/${host.capacity.vcpus}`, align: 'right' },
  {
    header: 'MEMORY_MIB',
    value: (host) => `${host.allocated.memoryMiB}/${host.capacity.memoryMiB}`,
    align: 'right',
  },
  { header: 'CLUSTER', value: (host) => host.clusterId },
];

const FIELDS: readonly Column<Host>[] = [
  ...COLUMNS.slice(0, 4),
  { header: 'CLUSTER', value: (host) => host.clusterId },
  { header: 'DATACENTER', value: (host) => host.datacenterId },
  { header: 'HYPERVISOR', value: (host) => host.hypervisor },
  { header: 'DRIVER', value: (host) => `${host.driver} ${host.ref}` },
  {
    header: 'CPU',
    value: (host) => `${host.cpu.sockets}×${host.cpu.coresPerSocket}×${host.cpu.threadsPerCore}`,
  },
  { header: 'VCPUS', value: (host) => `${host.allocated.vcpus} of ${host.capacity.vcpus} allocated` },
  {
    header: 'MEMORY_MIB',
    value: (host) => `${host.allocated.memoryMiB} of ${host.capacity.memoryMiB} allocated`,
  },
  {
    header: 'STORAGE_GIB',
    value: (host) => `${host.allocated.storageGiB} of ${host.capacity.storageGiB} allocated`,
  },
  { header: 'TAGS', value: (host) => host.tags.join(', ') },
  { header: 'DEDICATED_TO', value: (host) => host.dedicatedTenantId },
];

/** `ecloud host …`: hypervisor hosts (platform administrators). @internal */
export function registerHostCommands(program: Command, context: CommandContext): void {
  const host = program.command('host').description('hypervisor hosts');
  withListOptions(
    host.command('list').description('hosts').option('--cluster <id>', 'only of this cluster'),
  ).action(async (options: ListOptions & { cluster?: string }, command: Command) => {
    const session = await sessionOf(context, command);
    await printList(
      session,
      session.client.hosts.list,
      compact({ clusterId: options.cluster }),
      options,
      COLUMNS,
    );
  });
  host
    .command('show <id>')
    .description('one host')
    .action(async (id: string, _options: object, command: Command) => {
      const { client, output } = await sessionOf(context, command);
      output.record(await client.hosts.get(id, { signal: context.signal }), FIELDS);
    });
}
