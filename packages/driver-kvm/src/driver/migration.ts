import { type DriverCallOptions, EcloudError } from '@ecloud/core';
import { parseDomainXml } from '../domain-xml/parse-domain-xml.js';
import type { LibvirtClient } from '../libvirt/libvirt-client.js';
import { type DomainRef, DomainState, type VolumeRef } from '../libvirt/libvirt-types.js';
import type { KvmHost } from './kvm-host.js';
import { volumeXmlOfBytes } from './storage-xml.js';

/** `virDomainMigrateFlags` this driver uses. */
const MIGRATE = {
  LIVE: 1,
  PEER2PEER: 2,
  PERSIST_DEST: 8,
  UNDEFINE_SOURCE: 16,
  NON_SHARED_DISK: 64,
  OFFLINE: 1024,
} as const;
/** A migration copies memory and disks for as long as it takes: the core's signal bounds it, not a call deadline. */
const NO_DEADLINE_MS = 2 ** 31 - 1;

/** Where an instance is and where it goes. @internal */
export interface MigrationEnds {
  readonly source: KvmHost;
  readonly client: LibvirtClient;
  readonly dom: DomainRef;
  readonly target: KvmHost;
  /** What the source daemon dials to reach the target's (the target's `migrationUri`). */
  readonly destinationUri: string;
}

/** A disk in the source host's local pool, and the volume made for it on the target. */
interface DiskCopy {
  readonly source: VolumeRef;
  readonly target: VolumeRef;
}

/**
 * Moves a domain to another host, peer to peer (the source daemon runs libvirt's v3 flow with the
 * target's): a running one live, a stopped one as its definition. Disks in pools both hosts share stay
 * where they are; disks in the source's local pool are copied into a volume of the same name in the
 * target's — by QEMU during a live move (NON_SHARED_DISK), through two volume streams for a stopped
 * one. A failed or cancelled move removes the copies it made and leaves the domain where it was; a
 * finished one removes the source's now stale volumes.
 * @internal
 */
export async function migrateDomain(
  ends: MigrationEnds,
  mode: { readonly live: boolean },
  options: DriverCallOptions,
): Promise<void> {
  const { client, dom } = ends;
  const call = { signal: options.signal };
  const local = localVolumes(
    await parseDomainXml(await client.domainXml(dom, 0, call)),
    ends.source,
    ends.target,
  );
  await requirePower(client, dom, mode.live, options.signal);
  const targetClient = await ends.target.client();
  const copies = await makeCopies(ends, targetClient, local, options.signal);
  try {
    if (!mode.live) await copyData(client, targetClient, copies, options);
    options.progress(mode.live ? 0 : 90, mode.live ? 'copying memory and disks' : 'moving the definition');
    const flags =
      MIGRATE.PEER2PEER |
      MIGRATE.PERSIST_DEST |
      MIGRATE.UNDEFINE_SOURCE |
      (mode.live ? MIGRATE.LIVE : MIGRATE.OFFLINE) |
      (mode.live && copies.length > 0 ? MIGRATE.NON_SHARED_DISK : 0);
    await whileAbortable(client, dom, options.signal, () =>
      client.migratePeerToPeer(dom, ends.destinationUri, new Map(), flags, { timeoutMs: NO_DEADLINE_MS }),
    );
  } catch (error) {
    for (const copy of copies) await targetClient.deleteVolume(copy.target).catch(() => undefined);
    throw error;
  }
  // The domain runs from the copies now. A source volume left behind by a failure here holds a stale
  // copy under a name no domain uses; it does not stop the move from having happened.
  for (const copy of copies) await client.deleteVolume(copy.source).catch(() => undefined);
  options.progress(100);
}

/**
 * The domain's volumes that live in the source's local pool, which must be copied. A volume of any
 * other pool must be one the target shares, or it would be left behind.
 */
function localVolumes(
  definition: Awaited<ReturnType<typeof parseDomainXml>>,
  source: KvmHost,
  target: KvmHost,
): { pool: string; volume: string }[] {
  const local: { pool: string; volume: string }[] = [];
  const stranded: string[] = [];
  for (const disk of definition.disks) {
    if (disk.source.kind !== 'volume') continue;
    const { pool, volume } = disk.source;
    if (target.options.sharedPools.includes(pool)) continue;
    // Local volumes keep their `pool/volume` reference, so the target's local pool has the same name.
    if (pool === source.options.storagePool && pool === target.options.storagePool)
      local.push({ pool, volume });
    else stranded.push(`${pool}/${volume}`);
  }
  if (stranded.length > 0) {
    throw new EcloudError(
      'ILLEGAL_STATE',
      `Host ${target.ref} cannot reach disks ${stranded.join(', ')}: a disk moves with a migration when ` +
        'its pool is shared by both hosts, or is the local pool of both under the same name.',
      { details: { hostRef: target.ref, disks: stranded } },
    );
  }
  return local;
}

/** A live move needs the domain running, a cold one needs it stopped (the SPI contract). */
async function requirePower(client: LibvirtClient, dom: DomainRef, live: boolean, signal: AbortSignal) {
  const { state } = await client.domainState(dom, { signal });
  const stopped = state === DomainState.SHUTOFF || state === DomainState.CRASHED;
  if (live === stopped) {
    throw new EcloudError(
      'ILLEGAL_STATE',
      live
        ? `Instance ${dom.uuid} is not running: a stopped instance moves cold.`
        : `Instance ${dom.uuid} is running: stop it first, or move it live.`,
      { details: { instanceRef: dom.uuid, state } },
    );
  }
}

/** Makes, on the target, an empty volume the size of each local one; undoes them all if one fails. */
async function makeCopies(
  ends: MigrationEnds,
  targetClient: LibvirtClient,
  local: readonly { pool: string; volume: string }[],
  signal: AbortSignal,
): Promise<DiskCopy[]> {
  const copies: DiskCopy[] = [];
  try {
    for (const { pool, volume } of local) {
      const source = await ends.client.lookupVolume(await ends.source.pool(pool, signal), volume, { signal });
      const { capacity } = await ends.client.volumeInfo(source, { signal });
      const targetPool = await ends.target.pool(pool, signal);
      // A volume of this name on the target is what an earlier, interrupted move left there: the
      // name is our volume id, and the domain using it is still on the source.
      const leftover = await targetClient.lookupVolume(targetPool, volume, { signal }).catch(() => undefined);
      if (leftover) await targetClient.deleteVolume(leftover, { signal });
      const target = await targetClient.createVolume(targetPool, volumeXmlOfBytes(volume, capacity), 0, {
        signal,
      });
      copies.push({ source, target });
    }
    return copies;
  } catch (error) {
    for (const copy of copies) await targetClient.deleteVolume(copy.target).catch(() => undefined);
    throw error;
  }
}

/** Streams each local volume's bytes from the source daemon into its copy on the target. */
async function copyData(
  from: LibvirtClient,
  to: LibvirtClient,
  copies: readonly DiskCopy[],
  options: DriverCallOptions,
): Promise<void> {
  for (const [index, copy] of copies.entries()) {
    options.progress(Math.floor((index / copies.length) * 90), `copying ${copy.source.name}`);
    const reader = await from.downloadVolume(copy.source, {}, { signal: options.signal });
    await to.uploadVolume(copy.target, reader, {}, { signal: options.signal });
  }
}

/**
 * Runs a long libvirt job; an abort of `signal` aborts the job on the daemon (virDomainAbortJob)
 * rather than walking away from it, and the job's own answer (CANCELLED, or done if it won the race)
 * is what the caller gets.
 */
async function whileAbortable<T>(
  client: LibvirtClient,
  dom: DomainRef,
  signal: AbortSignal,
  job: () => Promise<T>,
): Promise<T> {
  if (signal.aborted) {
    throw new EcloudError('CANCELLED', `The migration of ${dom.uuid} was cancelled.`, {
      details: { instanceRef: dom.uuid },
    });
  }
  const onAbort = () => void client.abortJob(dom).catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await job();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
