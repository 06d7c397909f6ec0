import { type Cloud, systemContext } from '@ecloud/core';

/**
 * The embedded default's first inventory, on an empty store: a datacenter, a cluster of the simulator's
 * hosts, a tenant, an image and two offerings — enough to create an instance at once. A store that has
 * a datacenter is left alone.
 */
export async function seedDemoInventory(cloud: Cloud, driver: string): Promise<boolean> {
  const ctx = systemContext('demo-inventory');
  if ((await cloud.datacenters.list(ctx, { limit: 1 })).items.length > 0) return false;
  const dc = await cloud.datacenters.create(ctx, { name: 'dc-demo' });
  const cluster = await cloud.clusters.create(ctx, { name: 'demo', datacenterId: dc.id, hypervisor: 'kvm' });
  await cloud.hosts.discover(ctx, { clusterId: cluster.id, driver });
  await cloud.tenants.create(ctx, { name: 'demo' });
  await cloud.images.create(ctx, { name: 'debian-12', os: 'linux', sizeGiB: 8, hypervisors: ['kvm'] });
  await cloud.offerings.create(ctx, { name: 'small', vcpus: 2, memoryMiB: 4096, rootDiskGiB: 20 });
  await cloud.offerings.create(ctx, { name: 'large', vcpus: 8, memoryMiB: 16384, rootDiskGiB: 40 });
  return true;
}
