import type { Instance, ListInstancesQuery } from '@ecloud/client';
import type { Command } from 'commander';
import type { Column } from '../output/table.js';
import { type CommandContext, sessionOf } from '../session.js';
import { type ListOptions, printList, withListOptions } from './list-command.js';
import { followJob, type WaitOptions, withWaitOptions } from './long-operation.js';
import { compact } from './option-parsers.js';
import { resolveReference } from './resolve-reference.js';

const COLUMNS: readonly Column<Instance>[] = [
  { header: 'ID', value: (vm) => vm.id },
  { header: 'NAME', value: (vm) => vm.name },
  { header: 'STATE', value: (vm) => (vm.task ? `${vm.state} (${vm.task})` : vm.state) },
  { header: 'VCPUS', value: (vm) => vm.vcpus, align: 'right' },
  { header: 'MEMORY_MIB', value: (vm) => vm.memoryMiB, align: 'right' },
  { header: 'HOST', value: (vm) => vm.hostId },
];

const FIELDS: readonly Column<Instance>[] = [
  ...COLUMNS.slice(0, 2),
  { header: 'DESCRIPTION', value: (vm) => vm.description },
  { header: 'STATE', value: (vm) => vm.state },
  { header: 'TASK', value: (vm) => vm.task },
  { header: 'JOB', value: (vm) => vm.jobId },
  { header: 'TENANT', value: (vm) => vm.tenantId },
  { header: 'OFFERING', value: (vm) => vm.offeringId },
  { header: 'IMAGE', value: (vm) => vm.imageId },
  { header: 'VCPUS', value: (vm) => vm.vcpus },
  { header: 'MEMORY_MIB', value: (vm) => vm.memoryMiB },
  { header: 'HYPERVISOR', value: (vm) => vm.hypervisor },
  { header: 'HOST', value: (vm) => vm.hostId },
  { header: 'NICS', value: (vm) => vm.nics.map((nic) => `${nic.network} ${nic.mac}`).join(', ') },
  { header: 'CREATED', value: (vm) => vm.createdAt },
  { header: 'VERSION', value: (vm) => vm.version },
];

interface ListInstanceOptions extends ListOptions {
  readonly state?: string;
  readonly host?: string;
  readonly tenant?: string;
}

interface CreateOptions extends WaitOptions {
  readonly offering: string;
  readonly image: string;
  readonly tenant?: string;
  readonly description?: string;
  readonly start: boolean;
}

/** `ecloud instance …`: virtual machines. @internal */
export function registerInstanceCommands(program: Command, context: CommandContext): void {
  const instance = program.command('instance').description('virtual machines');
  registerList(instance, context);
  instance
    .command('show <id>')
    .description('one instance')
    .action(async (id: string, _options: object, command: Command) => {
      const { client, output } = await sessionOf(context, command);
      output.record(await client.instances.get(id, { signal: context.signal }), FIELDS);
    });
  registerCreate(instance, context);
  registerActions(instance, context);
  registerStop(instance, context);
  registerMigrate(instance, context);
}

function registerList(instance: Command, context: CommandContext) {
  withListOptions(
    instance
      .command('list')
      .description('the instances you may see, oldest first')
      .option('--state <state>', 'only in this state (creating, stopped, running, suspended, error)')
      .option('--host <id>', 'only on this host')
      .option('--tenant <id>', 'only of this tenant'),
  ).action(async (options: ListInstanceOptions, command: Command) => {
    const session = await sessionOf(context, command);
    // The state is checked by the server, which names the states it knows when it refuses one.
    const filter = compact({ state: options.state, hostId: options.host, tenantId: options.tenant });
    await printList(session, session.client.instances.list, filter as ListInstancesQuery, options, COLUMNS);
  });
}

function registerCreate(instance: Command, context: CommandContext) {
  withWaitOptions(
    instance
      .command('create <name>')
      .description('create an instance from an offering and an image')
      .requiredOption('--offering <name-or-id>', 'its size (`ecloud offering list`)')
      .requiredOption('--image <name-or-id>', 'what it boots (`ecloud image list`)')
      .option('--tenant <name-or-id>', 'the tenant it belongs to (needed unless you work in one tenant)')
      .option('--description <text>', 'a description')
      .option('--no-start', 'leave it stopped once created'),
  ).action(async (name: string, options: CreateOptions, command: Command) => {
    const session = await sessionOf(context, command);
    const { client } = session;
    const tenantId =
      options.tenant === undefined
        ? undefined
        : await resolveReference('tenant', options.tenant, client.tenants.list);
    const job = await client.instances.create(
      {
        name,
        offeringId: await resolveReference('offering', options.offering, client.offerings.list),
        imageId: await resolveReference('image', options.image, client.images.list),
        start: options.start,
        ...compact({ tenantId, description: options.description }),
      },
      { signal: context.signal },
    );
    await followJob(context, session, job, options);
  });
}

/** The operations that take nothing but the instance. */
function registerActions(instance: Command, context: CommandContext) {
  for (const verb of ['start', 'reboot', 'delete'] as const) {
    withWaitOptions(instance.command(`${verb} <id>`).description(`${verb} an instance`)).action(
      async (id: string, options: WaitOptions, command: Command) => {
        const session = await sessionOf(context, command);
        await followJob(
          context,
          session,
          await session.client.instances[verb](id, { signal: context.signal }),
          options,
        );
      },
    );
  }
}

function registerStop(instance: Command, context: CommandContext) {
  withWaitOptions(
    instance
      .command('stop <id>')
      .description('stop an instance: the guest is asked to shut down')
      .option('--force', 'cut the power instead'),
  ).action(async (id: string, options: WaitOptions & { force?: boolean }, command: Command) => {
    const session = await sessionOf(context, command);
    const job = await session.client.instances.stop(
      id,
      { force: options.force === true },
      { signal: context.signal },
    );
    await followJob(context, session, job, options);
  });
}

function registerMigrate(instance: Command, context: CommandContext) {
  withWaitOptions(
    instance
      .command('migrate <id>')
      .description('move an instance to another host: live while it runs, cold while stopped')
      .option('--host <id>', 'the target host (default: the scheduler picks one)')
      .option('--live', 'require a live move')
      .option('--no-live', 'move it cold'),
  ).action(async (id: string, options: WaitOptions & { host?: string; live?: boolean }, command: Command) => {
    const session = await sessionOf(context, command);
    const input = compact({ hostId: options.host, live: options.live });
    await followJob(
      context,
      session,
      await session.client.instances.migrate(id, input, { signal: context.signal }),
      options,
    );
  });
}
