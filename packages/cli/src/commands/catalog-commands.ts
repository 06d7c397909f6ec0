import type { Image, Offering, Tenant } from '@ecloud/client';
import type { Command } from 'commander';
import type { Column } from '../output/table.js';
import { type CommandContext, sessionOf } from '../session.js';
import { type ListOptions, printList, withListOptions } from './list-command.js';

const IMAGE_COLUMNS: readonly Column<Image>[] = [
  { header: 'ID', value: (image) => image.id },
  { header: 'NAME', value: (image) => image.name },
  { header: 'OS', value: (image) => image.os },
  { header: 'FORMAT', value: (image) => image.format },
  { header: 'SIZE_GIB', value: (image) => image.sizeGiB, align: 'right' },
  { header: 'HYPERVISORS', value: (image) => image.hypervisors.join(',') },
  { header: 'STATE', value: (image) => image.state },
];

const OFFERING_COLUMNS: readonly Column<Offering>[] = [
  { header: 'ID', value: (offering) => offering.id },
  { header: 'NAME', value: (offering) => offering.name },
  { header: 'VCPUS', value: (offering) => offering.vcpus, align: 'right' },
  { header: 'MEMORY_MIB', value: (offering) => offering.memoryMiB, align: 'right' },
  { header: 'ROOT_DISK_GIB', value: (offering) => offering.rootDiskGiB, align: 'right' },
  { header: 'STATE', value: (offering) => offering.state },
];

const TENANT_COLUMNS: readonly Column<Tenant>[] = [
  { header: 'ID', value: (tenant) => tenant.id },
  { header: 'NAME', value: (tenant) => tenant.name },
  { header: 'DOMAIN', value: (tenant) => tenant.domainId },
  { header: 'CLASSIFICATION', value: (tenant) => tenant.classification },
  { header: 'STATE', value: (tenant) => tenant.state },
];

/** `ecloud image list`, `ecloud offering list`, `ecloud tenant list`: what instances are made from and for. @internal */
export function registerCatalogCommands(program: Command, context: CommandContext): void {
  const image = program.command('image').description('images instances boot from');
  withListOptions(image.command('list').description('images')).action(
    async (options: ListOptions, command: Command) => {
      const session = await sessionOf(context, command);
      await printList(session, session.client.images.list, {}, options, IMAGE_COLUMNS);
    },
  );
  const offering = program.command('offering').description('instance sizes');
  withListOptions(offering.command('list').description('offerings')).action(
    async (options: ListOptions, command: Command) => {
      const session = await sessionOf(context, command);
      await printList(session, session.client.offerings.list, {}, options, OFFERING_COLUMNS);
    },
  );
  const tenant = program.command('tenant').description('tenants (projects) instances belong to');
  withListOptions(tenant.command('list').description('tenants')).action(
    async (options: ListOptions, command: Command) => {
      const session = await sessionOf(context, command);
      await printList(session, session.client.tenants.list, {}, options, TENANT_COLUMNS);
    },
  );
}
