import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibvirtClient } from '../../src/libvirt/libvirt-client.js';
import { expectRejectsEcloud } from '../helpers/errors.js';
import { kvmEnv } from './kvm-env.js';
import { virsh } from './virsh.js';

// Virtual networks through our client on the real daemon's test driver, cross-checked with virsh.
const env = kvmEnv();
const name = `ecnet-${process.pid}`;
const bridge = `ecbr${process.pid % 100_000}`;
const networkXml = `<network><name>${name}</name><bridge name='${bridge}'/><forward mode='nat'/><ip address='192.0.2.1' netmask='255.255.255.0'/></network>`;

async function virshNetworks(): Promise<string[]> {
  return (await virsh(env.testUri, 'net-list', '--all', '--name')).split('\n').filter((line) => line.trim());
}

describe('libvirt virtual networks', () => {
  let client: LibvirtClient;

  beforeAll(async () => {
    client = await LibvirtClient.connect({
      transport: { kind: 'unix', path: env.socket },
      uri: 'test:///default',
    });
  });

  afterAll(async () => {
    await virsh(env.testUri, 'net-destroy', name).catch(() => undefined);
    await virsh(env.testUri, 'net-undefine', name).catch(() => undefined);
    await client?.close();
  });

  it('defines, starts, reads, stops and undefines a network, as virsh sees it', async () => {
    const network = await client.defineNetwork(networkXml);
    expect(network.name).toBe(name);
    expect(await virshNetworks()).toContain(name);
    expect(await client.networkIsActive(network)).toBe(false);
    expect((await client.listAllNetworks()).map((n) => n.uuid)).toContain(network.uuid);

    await client.startNetwork(network);
    expect(await client.networkIsActive(network)).toBe(true);
    expect(await virsh(env.testUri, 'net-info', name)).toMatch(/Active:\s+yes/);
    expect(await client.networkBridge(network)).toBe(bridge);
    expect(await client.networkXml(network)).toContain(`<bridge name='${bridge}'`);
    expect(await client.lookupNetwork(name)).toEqual(network);

    await client.destroyNetwork(network);
    expect(await virsh(env.testUri, 'net-info', name)).toMatch(/Active:\s+no/);
    await client.undefineNetwork(network);
    expect(await virshNetworks()).not.toContain(name);
  });

  it('answers NOT_FOUND for a network that does not exist, and ALREADY_EXISTS for a second start', async () => {
    await expectRejectsEcloud(client.lookupNetwork(`${name}-missing`), 'NOT_FOUND');
    const network = await client.defineNetwork(networkXml);
    await client.startNetwork(network);
    const error = await expectRejectsEcloud(client.startNetwork(network), 'ILLEGAL_STATE');
    expect(error.details).toMatchObject({ libvirtCode: 55 });
    await client.destroyNetwork(network);
    await client.undefineNetwork(network);
  });

  it('refuses a malformed network definition as INVALID_ARGUMENT', async () => {
    await expectRejectsEcloud(client.defineNetwork('<network><name>'), 'INVALID_ARGUMENT');
  });
});
