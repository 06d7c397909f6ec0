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
});
