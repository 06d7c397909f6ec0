import { EcloudError } from '@ecloud/core';

/** Where one of our disks lives: a volume of a pool. Its reference is `pool/volume`. @internal */
export interface DiskLocation {
  readonly pool: string;
  readonly volume: string;
}

/** The reference the core keeps for a disk. @internal */
export function formatDiskRef(location: DiskLocation): string {
  return `${location.pool}/${location.volume}`;
}

/** Reads a disk reference back; INVALID_ARGUMENT for one this driver never gave out. @internal */
export function parseDiskRef(ref: string): DiskLocation {
  const [pool, volume, ...rest] = ref.split('/');
  if (!pool || !volume || rest.length > 0) {
    throw new EcloudError('INVALID_ARGUMENT', `${ref} is not a disk reference of the KVM driver.`, {
      details: { diskRef: ref },
    });
  }
  return { pool, volume };
}
