import { ClassificationLevel } from '../../model/common.js';
import type { HostFilter } from './host-filter.js';

const RANK = new Map(ClassificationLevel.options.map((level, rank) => [level, rank]));

/**
 * A workload runs only in a datacenter cleared for at least its classification level (R-SCHED-3): a
 * `confidential` tenant's instances never land in an `internal` site. A host whose datacenter the
 * scheduler does not know is refused rather than guessed at.
 * @internal
 */
export const classificationFilter: HostFilter = {
  name: 'classification',
  rejects: (host, request, view) => {
    const site = view.datacenter(host.datacenterId);
    if (site === undefined) return true;
    return (
      (RANK.get(site.classification) ?? -1) < (RANK.get(request.classification) ?? Number.MAX_SAFE_INTEGER)
    );
  },
};
