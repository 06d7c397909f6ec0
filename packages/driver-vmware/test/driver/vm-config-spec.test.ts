import { describe, expect, it } from 'vitest';
import { diskPath, instanceUuid, scsiUnit, vmConfigSpec } from '../../src/driver/vm-config-spec.js';
import { writeElement } from '../../src/soap/soap-value.js';

const spec = {
  id: 'ins-01ABC',
  name: 'web & db',
  hostRef: 'host-1',
  vcpus: 2,
  memoryMiB: 2048,
  disks: [
    { id: 'vol-data', sizeGiB: 5, role: 'data' as const, deviceIndex: 1 },
    { id: 'vol-root', sizeGiB: 20, role: 'system' as const, deviceIndex: 0 },
  ],
  nics: [{ mac: '00:50:56:12:34:56', network: 'VM Network' }],
  start: true,
};

describe('the VM of an instance', () => {
  it('derives one stable, well-formed instance UUID per instance id', () => {
    const uuid = instanceUuid('ins-01ABC');
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(instanceUuid('ins-01ABC')).toBe(uuid);
    expect(instanceUuid('ins-01ABD')).not.toBe(uuid);
  });

  it('keeps SCSI unit 7 for the controller', () => {
    expect([0, 6, 7, 8, 14].map(scsiUnit)).toEqual([0, 6, 8, 9, 15]);
  });

  it('writes name, UUID, size, one thin disk per volume in device order and a NIC, in WSDL order', () => {
    const xml = writeElement('config', vmConfigSpec(spec, 'LocalDS_0', 'otherGuest64'));
    const order = [
      '<name>',
      '<instanceUuid>',
      '<guestId>',
      '<annotation>',
      '<files>',
      '<numCPUs>',
      '<memoryMB>',
      '<deviceChange>',
    ];
    const at = order.map((tag) => xml.indexOf(tag));
    expect(at.every((position) => position >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(xml).toContain('<annotation>web &amp; db</annotation>');
    expect(xml).toContain(`<instanceUuid>${instanceUuid('ins-01ABC')}</instanceUuid>`);
    const root = xml.indexOf(diskPath('LocalDS_0', 'ins-01ABC', 'vol-root'));
    const data = xml.indexOf(diskPath('LocalDS_0', 'ins-01ABC', 'vol-data'));
    expect(root).toBeGreaterThan(0);
    expect(data).toBeGreaterThan(root);
    expect(xml).toContain(`<capacityInKB>${20 * 1024 * 1024}</capacityInKB>`);
    expect(xml).toContain('<device xsi:type="VirtualVmxnet3">');
    expect(xml).toContain('<macAddress>00:50:56:12:34:56</macAddress>');
  });

  it('names its files outright in a folder of the instance id', () => {
    const xml = writeElement('config', vmConfigSpec(spec, 'LocalDS_0', 'otherGuest64'));
    expect(xml).toContain('<vmPathName>[LocalDS_0] ins-01ABC/ins-01ABC.vmx</vmPathName>');
  });

  it('adds a copied disk as the file that is there, at its own size, and creates the others', () => {
    const copied = new Map([['vol-root', 1024 * 1024]]);
    const xml = writeElement('config', vmConfigSpec(spec, 'LocalDS_0', 'otherGuest64', copied));
    const changes = xml.split('<deviceChange>').slice(1);
    const root = changes.find((c) => c.includes('vol-root.vmdk')) ?? '';
    const data = changes.find((c) => c.includes('vol-data.vmdk')) ?? '';
    expect(root).not.toContain('<fileOperation>');
    expect(root).toContain(`<capacityInKB>${1024 * 1024}</capacityInKB>`);
    expect(data).toContain('<fileOperation>create</fileOperation>');
    expect(data).toContain(`<capacityInKB>${5 * 1024 * 1024}</capacityInKB>`);
  });

  it('backs each NIC with its resolved network, or a standard port group of its name', () => {
    const dvs = {
      $type: 'VirtualEthernetCardDistributedVirtualPortBackingInfo',
      port: { switchUuid: 'uuid-1', portgroupKey: 'dvportgroup-9' },
    };
    const resolved = writeElement('config', vmConfigSpec(spec, 'LocalDS_0', 'g', new Map(), [dvs]));
    expect(resolved).toContain('<backing xsi:type="VirtualEthernetCardDistributedVirtualPortBackingInfo">');
    expect(resolved).toContain('<portgroupKey>dvportgroup-9</portgroupKey>');
    const plain = writeElement('config', vmConfigSpec(spec, 'LocalDS_0', 'g'));
    expect(plain).toContain('<deviceName>VM Network</deviceName>');
  });
});
