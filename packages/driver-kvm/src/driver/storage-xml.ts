import { EcloudError } from '@ecloud/core';

// Our volume and snapshot names are ids of `[A-Za-z0-9_.-]`; anything else is refused, so the small
// documents below never need escaping.
const SAFE_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

function safe(name: string): string {
  if (!SAFE_NAME.test(name)) {
    throw new EcloudError(
      'INVALID_ARGUMENT',
      `${JSON.stringify(name)} cannot name a libvirt volume or snapshot.`,
      {
        details: { name },
      },
    );
  }
  return name;
}

const GIB = 1024 ** 3;

/** The XML of a qcow2 volume of `sizeGiB`, allocated lazily. @internal */
export function volumeXml(name: string, sizeGiB: number): string {
  return volumeXmlOfBytes(name, sizeGiB * GIB);
}

/** The XML of a qcow2 volume of `bytes` (a copy the size of its original), allocated lazily. @internal */
export function volumeXmlOfBytes(name: string, bytes: number): string {
  return `<volume><name>${safe(name)}</name><capacity unit='bytes'>${bytes}</capacity><allocation unit='bytes'>0</allocation><target><format type='qcow2'/></target></volume>`;
}

/** The XML of a snapshot named by our snapshot id. @internal */
export function snapshotXml(name: string): string {
  return `<domainsnapshot><name>${safe(name)}</name></domainsnapshot>`;
}

/** The volume name of one of our disks. @internal */
export function volumeName(volumeId: string): string {
  return `${safe(volumeId)}.qcow2`;
}
