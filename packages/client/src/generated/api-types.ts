// GENERATED FILE — do not edit. `npm run generate --workspace @ecloud/client` writes it from the
// route table of examples/rest-server (through its OpenAPI document); test/api-types-sync.test.ts fails
// when it differs from what the routes give.

export interface paths {
  readonly '/v1/auth/tokens': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Logs in with a user name and password (local or a directory) and answers a bearer token. */
    readonly post: operations['createToken'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists the instances the caller may see, oldest first. */
    readonly get: operations['listInstances'];
    readonly put?: never;
    /** Creates an instance from an offering and an image. */
    readonly post: operations['createInstance'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One instance. */
    readonly get: operations['getInstance'];
    readonly put?: never;
    readonly post?: never;
    /** Deletes an instance with its attached disks, wiped first. */
    readonly delete: operations['deleteInstance'];
    readonly options?: never;
    readonly head?: never;
    /** Renames an instance or changes its description; `If-Match` guards against another's change. */
    readonly patch: operations['updateInstance'];
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/start': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Powers a stopped instance on. */
    readonly post: operations['startInstance'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/reboot': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Restarts a running instance. */
    readonly post: operations['rebootInstance'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/suspend': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Pauses a running instance in memory. */
    readonly post: operations['suspendInstance'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/resume': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Continues a suspended instance. */
    readonly post: operations['resumeInstance'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/stop': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Stops an instance: the guest is asked, or with `force` the power is cut. */
    readonly post: operations['stopInstance'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/resize': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Gives an instance the size of another offering. */
    readonly post: operations['resizeInstance'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/migrate': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Moves an instance to another host: live while it runs, cold while it is stopped. */
    readonly post: operations['migrateInstance'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/clone': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Copies an instance and its disks into a new instance. */
    readonly post: operations['cloneInstance'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/snapshots': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** An instance's snapshots. */
    readonly get: operations['listInstanceSnapshots'];
    readonly put?: never;
    /** Takes a snapshot of an instance. */
    readonly post: operations['snapshotInstance'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/snapshots/{snapshotId}/revert': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Returns a stopped instance to a snapshot. */
    readonly post: operations['revertInstanceSnapshot'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/snapshots/{snapshotId}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    readonly post?: never;
    /** Removes a snapshot. */
    readonly delete: operations['deleteInstanceSnapshot'];
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/volumes': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Makes a data disk and attaches it to the instance. */
    readonly post: operations['attachInstanceDisk'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/instances/{id}/volumes/{volumeId}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    readonly post?: never;
    /** Detaches a data disk from the instance, keeping its data. */
    readonly delete: operations['detachInstanceDisk'];
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hosts': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists hosts. */
    readonly get: operations['listHosts'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hosts/discover': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Registers every host a driver serves into a cluster; hosts already known are left as they are. */
    readonly post: operations['discoverHosts'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hosts/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One host. */
    readonly get: operations['getHost'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/hosts/{id}/maintenance': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Puts a host into maintenance: it takes no new instances, and a job moves its instances off. */
    readonly post: operations['enterHostMaintenance'];
    /** Returns a host in maintenance to service. */
    readonly delete: operations['exitHostMaintenance'];
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/ha/tick': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Runs one host HA round now: every driver's hosts are checked, failed ones fenced and their HA instances restarted. */
    readonly post: operations['runHaRound'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/volumes': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists volumes. */
    readonly get: operations['listVolumes'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/volumes/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One volume. */
    readonly get: operations['getVolume'];
    readonly put?: never;
    readonly post?: never;
    /** Deletes a detached volume, wiped first. */
    readonly delete: operations['deleteVolume'];
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/jobs': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists jobs. */
    readonly get: operations['listJobs'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/jobs/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One job: its state, progress and result or error. */
    readonly get: operations['getJob'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/jobs/{id}/cancel': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Asks a job to stop; what it did is undone. */
    readonly post: operations['cancelJob'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/events': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One page of the events the caller may see, oldest first (`Accept: text/event-stream` for the live stream). */
    readonly get: operations['listEvents'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/regions': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists the regions the caller may see. */
    readonly get: operations['listRegions'];
    readonly put?: never;
    /** Creates a region; datacenters name it as theirs. */
    readonly post: operations['createRegion'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/regions/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One region. */
    readonly get: operations['getRegion'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/domains': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists the domains the caller may see. */
    readonly get: operations['listDomains'];
    readonly put?: never;
    /** Creates a domain; tenants are then created in it. */
    readonly post: operations['createDomain'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/domains/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One domain. */
    readonly get: operations['getDomain'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    /** Renames, describes, disables or enables a domain (a disabled one takes no new tenants); `If-Match` guards against another's change. */
    readonly patch: operations['updateDomain'];
    readonly trace?: never;
  };
  readonly '/v1/datacenters': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists the datacenters the caller may see. */
    readonly get: operations['listDatacenters'];
    readonly put?: never;
    /** Creates a datacenter. */
    readonly post: operations['createDatacenter'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/datacenters/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One datacenter. */
    readonly get: operations['getDatacenter'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/clusters': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists the clusters the caller may see. */
    readonly get: operations['listClusters'];
    readonly put?: never;
    /** Creates a cluster. */
    readonly post: operations['createCluster'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/clusters/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One cluster. */
    readonly get: operations['getCluster'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/images': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists the images the caller may see. */
    readonly get: operations['listImages'];
    readonly put?: never;
    /** Creates a image. */
    readonly post: operations['createImage'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/images/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One image. */
    readonly get: operations['getImage'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/offerings': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists the offerings the caller may see. */
    readonly get: operations['listOfferings'];
    readonly put?: never;
    /** Creates a offering. */
    readonly post: operations['createOffering'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/offerings/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One offering. */
    readonly get: operations['getOffering'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/tenants': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists the tenants the caller may see. */
    readonly get: operations['listTenants'];
    readonly put?: never;
    /** Creates a tenant. */
    readonly post: operations['createTenant'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/tenants/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One tenant. */
    readonly get: operations['getTenant'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    /** Renames, reclassifies, disables or enables a tenant; `If-Match` guards against another's change. */
    readonly patch: operations['updateTenant'];
    readonly trace?: never;
  };
  readonly '/v1/tenants/{id}/quota': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** A tenant's limits and what it uses now, with its `ETag` (usage changes it too). */
    readonly get: operations['getTenantQuota'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    /** Sets some of a tenant's limits (null lifts one; left out keeps it); `If-Match` guards against another's change. */
    readonly patch: operations['setTenantQuota'];
    readonly trace?: never;
  };
  readonly '/v1/users': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists users and groups. */
    readonly get: operations['listPrincipals'];
    readonly put?: never;
    /** Creates a user (with a first password held to the password policy), a group or a service account. */
    readonly post: operations['createPrincipal'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/users/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One user, group or service account. */
    readonly get: operations['getPrincipal'];
    readonly put?: never;
    readonly post?: never;
    /** Deletes a user, group or service account with its bindings, memberships and credentials. */
    readonly delete: operations['deletePrincipal'];
    readonly options?: never;
    readonly head?: never;
    /** Disables (no login, no rights) or enables a user, group or service account; `If-Match` guards against another's change. */
    readonly patch: operations['updatePrincipal'];
    readonly trace?: never;
  };
  readonly '/v1/bindings': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists role bindings: who holds which role where. */
    readonly get: operations['listBindings'];
    readonly put?: never;
    /** Grants a role to a principal on a scope (platform, domain, tenant or one resource). */
    readonly post: operations['grantRole'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/bindings/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    readonly post?: never;
    /** Revokes a role binding. */
    readonly delete: operations['revokeRole'];
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/audit': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One page of the tamper-evident audit log, oldest first. */
    readonly get: operations['listAudit'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/audit/verify': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Recomputes the audit chain and reports whether every record is intact. */
    readonly post: operations['verifyAudit'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/users/{id}/password': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Sets a local user's password, held to the password policy and its history; clears a lockout. */
    readonly post: operations['setPassword'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/groups/{id}/members': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Puts a user in a group: the group's role bindings apply to the user from now on. */
    readonly post: operations['addGroupMember'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/groups/{id}/members/{userId}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    readonly post?: never;
    /** Takes a user out of a group, and with it the group's rights. */
    readonly delete: operations['removeGroupMember'];
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/users/{id}/api-keys': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Makes an API key for a service account and answers its secret — the only time it is shown. */
    readonly post: operations['createApiKey'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/api-keys/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    readonly post?: never;
    /** Revokes an API key: requests signed with it are refused from now on. */
    readonly delete: operations['revokeApiKey'];
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/roles': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** Lists the custom roles, oldest first (`/v1/roles/built-in` has the six built in). */
    readonly get: operations['listRoles'];
    readonly put?: never;
    /** Defines a custom role: declared permissions of one duty only. */
    readonly post: operations['createRole'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/roles/built-in': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** The roles every cloud has: the three administrators, operator, tenant admin and member. */
    readonly get: operations['listBuiltInRoles'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/roles/{id}': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** One role, built in or custom; a custom role carries its `ETag`. */
    readonly get: operations['getRole'];
    readonly put?: never;
    readonly post?: never;
    /** Deletes a custom role no binding uses. */
    readonly delete: operations['deleteRole'];
    readonly options?: never;
    readonly head?: never;
    /** Changes a custom role's description or permissions (a bound role keeps its duty); `If-Match` guards against another's change. */
    readonly patch: operations['updateRole'];
    readonly trace?: never;
  };
  readonly '/v1/password-policy': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    /** The password policy: the one last set, else the configured one. */
    readonly get: operations['getPasswordPolicy'];
    readonly put?: never;
    readonly post?: never;
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    /** Changes the password policy; fields left out keep their value. Passwords already set stay until changed. */
    readonly patch: operations['updatePasswordPolicy'];
    readonly trace?: never;
  };
  readonly '/v1/audit/checkpoints': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Signs the audit chain's head now; keep the answer outside the cloud and verify against it later. */
    readonly post: operations['signAuditCheckpoint'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
  readonly '/v1/audit/checkpoints/verify': {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly get?: never;
    readonly put?: never;
    /** Recomputes the audit chain against a signed checkpoint: a forged checkpoint, or records cut or changed up to it, are reported. */
    readonly post: operations['verifyAuditCheckpoint'];
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
    readonly trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    readonly Problem: {
      readonly type: string;
      readonly title: string;
      readonly status: number;
      readonly detail: string;
      /** @enum {string} */
      readonly code:
        | 'INVALID_ARGUMENT'
        | 'NOT_FOUND'
        | 'ALREADY_EXISTS'
        | 'CONFLICT'
        | 'ILLEGAL_STATE'
        | 'INSUFFICIENT_CAPACITY'
        | 'QUOTA_EXCEEDED'
        | 'PERMISSION_DENIED'
        | 'UNAUTHENTICATED'
        | 'RATE_LIMITED'
        | 'IDENTITY_PROVIDER_UNAVAILABLE'
        | 'UNSUPPORTED'
        | 'DRIVER_FAILURE'
        | 'DRIVER_UNAVAILABLE'
        | 'INCOMPATIBLE_DRIVER'
        | 'TIMEOUT'
        | 'CANCELLED'
        | 'INTERRUPTED'
        | 'STORE_FAILURE'
        | 'INTERNAL';
      readonly retryable: boolean;
      readonly details?: {
        readonly [key: string]: unknown;
      };
      readonly instance?: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  readonly createToken: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly username: string;
          readonly password: string;
          readonly directory?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly token: string;
            readonly expiresAt: string;
            readonly principalId: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listInstances: {
    readonly parameters: {
      readonly query?: {
        readonly limit?: number;
        readonly cursor?: string;
        readonly tenantId?: string;
        readonly state?: 'creating' | 'stopped' | 'running' | 'suspended' | 'error' | 'deleted';
        readonly hostId?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly description: string;
              readonly tenantId: string;
              readonly offeringId: string;
              readonly imageId: string;
              readonly vcpus: number;
              readonly memoryMiB: number;
              /** @enum {string} */
              readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
              readonly datacenterId: string;
              readonly clusterId: string | null;
              readonly hostId: string | null;
              readonly driver: string | null;
              readonly driverRef: string | null;
              /** @enum {string} */
              readonly state: 'creating' | 'stopped' | 'running' | 'suspended' | 'error' | 'deleted';
              readonly task:
                | (
                    | 'create'
                    | 'start'
                    | 'stop'
                    | 'reboot'
                    | 'suspend'
                    | 'resume'
                    | 'resize'
                    | 'attachDisk'
                    | 'detachDisk'
                    | 'migrate'
                    | 'clone'
                    | 'snapshot'
                    | 'revertSnapshot'
                    | 'deleteSnapshot'
                    | 'delete'
                    | 'failover'
                  )
                | null;
              readonly jobId: string | null;
              readonly nics: readonly {
                readonly mac: string;
                readonly network: string;
              }[];
              readonly placementGroupId: string | null;
              readonly haPriority: number | null;
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly createInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          /** @default  */
          readonly description?: string;
          readonly tenantId?: string;
          readonly offeringId: string;
          readonly imageId: string;
          readonly datacenterId?: string;
          readonly clusterId?: string;
          readonly zone?: string;
          readonly rootDiskGiB?: number;
          /** @default [] */
          readonly dataDisks?: readonly {
            readonly sizeGiB: number;
            readonly name?: string;
          }[];
          /**
           * @default [
           *       {
           *         "network": "default"
           *       }
           *     ]
           */
          readonly nics?: readonly {
            readonly network: string;
          }[];
          /** @default true */
          readonly start?: boolean;
          /** @default 50 */
          readonly haPriority?: number | null;
          readonly placementGroupId?: string;
          readonly idempotencyKey?: string;
        };
      };
    };
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly description: string;
            readonly tenantId: string;
            readonly offeringId: string;
            readonly imageId: string;
            readonly vcpus: number;
            readonly memoryMiB: number;
            /** @enum {string} */
            readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
            readonly datacenterId: string;
            readonly clusterId: string | null;
            readonly hostId: string | null;
            readonly driver: string | null;
            readonly driverRef: string | null;
            /** @enum {string} */
            readonly state: 'creating' | 'stopped' | 'running' | 'suspended' | 'error' | 'deleted';
            readonly task:
              | (
                  | 'create'
                  | 'start'
                  | 'stop'
                  | 'reboot'
                  | 'suspend'
                  | 'resume'
                  | 'resize'
                  | 'attachDisk'
                  | 'detachDisk'
                  | 'migrate'
                  | 'clone'
                  | 'snapshot'
                  | 'revertSnapshot'
                  | 'deleteSnapshot'
                  | 'delete'
                  | 'failover'
                )
              | null;
            readonly jobId: string | null;
            readonly nics: readonly {
              readonly mac: string;
              readonly network: string;
            }[];
            readonly placementGroupId: string | null;
            readonly haPriority: number | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly deleteInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly updateInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description The `ETag` the change is based on; a stale one is refused with 412. */
        readonly 'If-Match'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name?: string;
          readonly description?: string;
          readonly expectedVersion?: number;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly description: string;
            readonly tenantId: string;
            readonly offeringId: string;
            readonly imageId: string;
            readonly vcpus: number;
            readonly memoryMiB: number;
            /** @enum {string} */
            readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
            readonly datacenterId: string;
            readonly clusterId: string | null;
            readonly hostId: string | null;
            readonly driver: string | null;
            readonly driverRef: string | null;
            /** @enum {string} */
            readonly state: 'creating' | 'stopped' | 'running' | 'suspended' | 'error' | 'deleted';
            readonly task:
              | (
                  | 'create'
                  | 'start'
                  | 'stop'
                  | 'reboot'
                  | 'suspend'
                  | 'resume'
                  | 'resize'
                  | 'attachDisk'
                  | 'detachDisk'
                  | 'migrate'
                  | 'clone'
                  | 'snapshot'
                  | 'revertSnapshot'
                  | 'deleteSnapshot'
                  | 'delete'
                  | 'failover'
                )
              | null;
            readonly jobId: string | null;
            readonly nics: readonly {
              readonly mac: string;
              readonly network: string;
            }[];
            readonly placementGroupId: string | null;
            readonly haPriority: number | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `If-Match` names a version that is no longer current. */
      readonly 412: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly startInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly rebootInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly suspendInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly resumeInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly stopInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: {
      readonly content: {
        readonly 'application/json': {
          /** @default false */
          readonly force?: boolean;
        };
      };
    };
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly resizeInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly offeringId?: string;
          readonly vcpus?: number;
          readonly memoryMiB?: number;
        };
      };
    };
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly migrateInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: {
      readonly content: {
        readonly 'application/json': {
          readonly hostId?: string;
          readonly live?: boolean;
        };
      };
    };
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly cloneInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          /** @default false */
          readonly start?: boolean;
        };
      };
    };
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listInstanceSnapshots: {
    readonly parameters: {
      readonly query?: {
        readonly cursor?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly tenantId: string;
              readonly instanceId: string;
              readonly driverRef: string | null;
              /** @enum {string} */
              readonly state: 'creating' | 'ready' | 'deleted' | 'error';
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly snapshotInstance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
        };
      };
    };
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly revertInstanceSnapshot: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
        readonly snapshotId: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly deleteInstanceSnapshot: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
        readonly snapshotId: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly attachInstanceDisk: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly sizeGiB: number;
          readonly name?: string;
        };
      };
    };
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly detachInstanceDisk: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
        readonly volumeId: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listHosts: {
    readonly parameters: {
      readonly query?: {
        readonly limit?: number;
        readonly cursor?: string;
        readonly clusterId?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly clusterId: string;
              readonly datacenterId: string;
              readonly driver: string;
              readonly ref: string;
              /** @enum {string} */
              readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
              readonly cpu: {
                readonly sockets: number;
                readonly coresPerSocket: number;
                readonly threadsPerCore: number;
                readonly mhz: number;
              };
              readonly memoryMiB: number;
              readonly storageGiB: number;
              readonly storagePools: readonly string[];
              /** @enum {string} */
              readonly state: 'up' | 'down' | 'disconnected' | 'fenced';
              /** @enum {string} */
              readonly maintenance: 'none' | 'entering' | 'in_maintenance';
              readonly tags: readonly string[];
              readonly dedicatedTenantId: string | null;
              readonly capacity: {
                readonly vcpus: number;
                readonly memoryMiB: number;
                readonly storageGiB: number;
              };
              readonly allocated: {
                readonly vcpus: number;
                readonly memoryMiB: number;
                readonly storageGiB: number;
              };
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly discoverHosts: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly clusterId: string;
          readonly driver: string;
          /** @default [] */
          readonly tags?: readonly string[];
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly clusterId: string;
              readonly datacenterId: string;
              readonly driver: string;
              readonly ref: string;
              /** @enum {string} */
              readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
              readonly cpu: {
                readonly sockets: number;
                readonly coresPerSocket: number;
                readonly threadsPerCore: number;
                readonly mhz: number;
              };
              readonly memoryMiB: number;
              readonly storageGiB: number;
              readonly storagePools: readonly string[];
              /** @enum {string} */
              readonly state: 'up' | 'down' | 'disconnected' | 'fenced';
              /** @enum {string} */
              readonly maintenance: 'none' | 'entering' | 'in_maintenance';
              readonly tags: readonly string[];
              readonly dedicatedTenantId: string | null;
              readonly capacity: {
                readonly vcpus: number;
                readonly memoryMiB: number;
                readonly storageGiB: number;
              };
              readonly allocated: {
                readonly vcpus: number;
                readonly memoryMiB: number;
                readonly storageGiB: number;
              };
            }[];
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getHost: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly clusterId: string;
            readonly datacenterId: string;
            readonly driver: string;
            readonly ref: string;
            /** @enum {string} */
            readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
            readonly cpu: {
              readonly sockets: number;
              readonly coresPerSocket: number;
              readonly threadsPerCore: number;
              readonly mhz: number;
            };
            readonly memoryMiB: number;
            readonly storageGiB: number;
            readonly storagePools: readonly string[];
            /** @enum {string} */
            readonly state: 'up' | 'down' | 'disconnected' | 'fenced';
            /** @enum {string} */
            readonly maintenance: 'none' | 'entering' | 'in_maintenance';
            readonly tags: readonly string[];
            readonly dedicatedTenantId: string | null;
            readonly capacity: {
              readonly vcpus: number;
              readonly memoryMiB: number;
              readonly storageGiB: number;
            };
            readonly allocated: {
              readonly vcpus: number;
              readonly memoryMiB: number;
              readonly storageGiB: number;
            };
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly enterHostMaintenance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly exitHostMaintenance: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly clusterId: string;
            readonly datacenterId: string;
            readonly driver: string;
            readonly ref: string;
            /** @enum {string} */
            readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
            readonly cpu: {
              readonly sockets: number;
              readonly coresPerSocket: number;
              readonly threadsPerCore: number;
              readonly mhz: number;
            };
            readonly memoryMiB: number;
            readonly storageGiB: number;
            readonly storagePools: readonly string[];
            /** @enum {string} */
            readonly state: 'up' | 'down' | 'disconnected' | 'fenced';
            /** @enum {string} */
            readonly maintenance: 'none' | 'entering' | 'in_maintenance';
            readonly tags: readonly string[];
            readonly dedicatedTenantId: string | null;
            readonly capacity: {
              readonly vcpus: number;
              readonly memoryMiB: number;
              readonly storageGiB: number;
            };
            readonly allocated: {
              readonly vcpus: number;
              readonly memoryMiB: number;
              readonly storageGiB: number;
            };
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly runHaRound: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            /** @description Whether this process held the HA lease; without it the round looks at nothing. */
            readonly leader: boolean;
            readonly suspect: readonly string[];
            readonly fenced: readonly string[];
            /** @description Hosts whose fence the driver could not confirm: nothing of theirs was restarted. */
            readonly fenceFailed: readonly string[];
            /** @description Instances restarted elsewhere. */
            readonly restarted: readonly string[];
            readonly restartFailed: readonly {
              readonly instanceId: string;
              readonly code: string;
            }[];
            /** @description Hosts that answer again after being suspect or fenced. */
            readonly recovered: readonly string[];
            readonly restartPlanMs: number;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listVolumes: {
    readonly parameters: {
      readonly query?: {
        readonly limit?: number;
        readonly cursor?: string;
        readonly tenantId?: string;
        readonly instanceId?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly tenantId: string;
              /** @enum {string} */
              readonly role: 'system' | 'data';
              readonly sizeGiB: number;
              /** @enum {string} */
              readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
              readonly hostId: string | null;
              readonly storagePool: string | null;
              readonly instanceId: string | null;
              readonly deviceIndex: number | null;
              readonly imageId: string | null;
              readonly driverRef: string | null;
              /** @enum {string} */
              readonly state: 'creating' | 'available' | 'attached' | 'wiping' | 'deleted' | 'error';
              readonly wipedAt: string | null;
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getVolume: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly tenantId: string;
            /** @enum {string} */
            readonly role: 'system' | 'data';
            readonly sizeGiB: number;
            /** @enum {string} */
            readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
            readonly hostId: string | null;
            readonly storagePool: string | null;
            readonly instanceId: string | null;
            readonly deviceIndex: number | null;
            readonly imageId: string | null;
            readonly driverRef: string | null;
            /** @enum {string} */
            readonly state: 'creating' | 'available' | 'attached' | 'wiping' | 'deleted' | 'error';
            readonly wipedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly deleteVolume: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Accepted: the job that carries the operation out. */
      readonly 202: {
        headers: {
          /** @description The job: `/v1/jobs/{id}`. */
          readonly Location?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listJobs: {
    readonly parameters: {
      readonly query?: {
        readonly limit?: number;
        readonly cursor?: string;
        readonly tenantId?: string;
        readonly state?: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
        readonly resourceId?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly operation: string;
              /** @enum {string} */
              readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
              readonly progress: number;
              readonly cancelRequested: boolean;
              readonly resourceType: string;
              readonly resourceId: string;
              readonly tenantId: string | null;
              readonly result: {
                readonly [key: string]: string;
              } | null;
              readonly error: {
                readonly type: string;
                readonly title: string;
                readonly status: number;
                readonly detail: string;
                /** @enum {string} */
                readonly code:
                  | 'INVALID_ARGUMENT'
                  | 'NOT_FOUND'
                  | 'ALREADY_EXISTS'
                  | 'CONFLICT'
                  | 'ILLEGAL_STATE'
                  | 'INSUFFICIENT_CAPACITY'
                  | 'QUOTA_EXCEEDED'
                  | 'PERMISSION_DENIED'
                  | 'UNAUTHENTICATED'
                  | 'RATE_LIMITED'
                  | 'IDENTITY_PROVIDER_UNAVAILABLE'
                  | 'UNSUPPORTED'
                  | 'DRIVER_FAILURE'
                  | 'DRIVER_UNAVAILABLE'
                  | 'INCOMPATIBLE_DRIVER'
                  | 'TIMEOUT'
                  | 'CANCELLED'
                  | 'INTERRUPTED'
                  | 'STORE_FAILURE'
                  | 'INTERNAL';
                readonly retryable: boolean;
                readonly details?: {
                  readonly [key: string]: unknown;
                };
                readonly instance?: string;
              } | null;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly startedAt: string | null;
              readonly finishedAt: string | null;
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getJob: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly cancelRequested: boolean;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly tenantId: string | null;
            readonly result: {
              readonly [key: string]: string;
            } | null;
            readonly error: {
              readonly type: string;
              readonly title: string;
              readonly status: number;
              readonly detail: string;
              /** @enum {string} */
              readonly code:
                | 'INVALID_ARGUMENT'
                | 'NOT_FOUND'
                | 'ALREADY_EXISTS'
                | 'CONFLICT'
                | 'ILLEGAL_STATE'
                | 'INSUFFICIENT_CAPACITY'
                | 'QUOTA_EXCEEDED'
                | 'PERMISSION_DENIED'
                | 'UNAUTHENTICATED'
                | 'RATE_LIMITED'
                | 'IDENTITY_PROVIDER_UNAVAILABLE'
                | 'UNSUPPORTED'
                | 'DRIVER_FAILURE'
                | 'DRIVER_UNAVAILABLE'
                | 'INCOMPATIBLE_DRIVER'
                | 'TIMEOUT'
                | 'CANCELLED'
                | 'INTERRUPTED'
                | 'STORE_FAILURE'
                | 'INTERNAL';
              readonly retryable: boolean;
              readonly details?: {
                readonly [key: string]: unknown;
              };
              readonly instance?: string;
            } | null;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly startedAt: string | null;
            readonly finishedAt: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly cancelJob: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listEvents: {
    readonly parameters: {
      readonly query?: {
        readonly limit?: number;
        readonly cursor?: string;
        readonly tenantId?: string;
        readonly resourceId?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly type: string;
              readonly resourceType: string;
              readonly resourceId: string;
              readonly tenantId: string | null;
              readonly time: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listRegions: {
    readonly parameters: {
      readonly query?: {
        readonly cursor?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              /** @default  */
              readonly description: string;
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly createRegion: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          /** @default  */
          readonly description?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            /** @default  */
            readonly description: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getRegion: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            /** @default  */
            readonly description: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listDomains: {
    readonly parameters: {
      readonly query?: {
        readonly cursor?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly description: string;
              /** @enum {string} */
              readonly state: 'active' | 'disabled';
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly createDomain: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          /** @default  */
          readonly description?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly description: string;
            /** @enum {string} */
            readonly state: 'active' | 'disabled';
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getDomain: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly description: string;
            /** @enum {string} */
            readonly state: 'active' | 'disabled';
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly updateDomain: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description The `ETag` the change is based on; a stale one is refused with 412. */
        readonly 'If-Match'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name?: string;
          readonly description?: string;
          /** @enum {string} */
          readonly state?: 'active' | 'disabled';
          readonly expectedVersion?: number;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly description: string;
            /** @enum {string} */
            readonly state: 'active' | 'disabled';
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `If-Match` names a version that is no longer current. */
      readonly 412: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listDatacenters: {
    readonly parameters: {
      readonly query?: {
        readonly cursor?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly regionId: string | null;
              /** @enum {string} */
              readonly classification: 'public' | 'internal' | 'confidential' | 'secret';
              readonly description: string;
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly createDatacenter: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          readonly regionId?: string;
          /**
           * @default public
           * @enum {string}
           */
          readonly classification?: 'public' | 'internal' | 'confidential' | 'secret';
          /** @default  */
          readonly description?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly regionId: string | null;
            /** @enum {string} */
            readonly classification: 'public' | 'internal' | 'confidential' | 'secret';
            readonly description: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getDatacenter: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly regionId: string | null;
            /** @enum {string} */
            readonly classification: 'public' | 'internal' | 'confidential' | 'secret';
            readonly description: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listClusters: {
    readonly parameters: {
      readonly query?: {
        readonly cursor?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly datacenterId: string;
              /** @enum {string} */
              readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
              readonly zone: string;
              readonly overcommit: {
                readonly cpu: number;
                readonly memory: number;
              };
              readonly disableThreshold: number;
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly createCluster: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          readonly datacenterId: string;
          /** @enum {string} */
          readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
          /** @default default */
          readonly zone?: string;
          /**
           * @default {
           *       "cpu": 1,
           *       "memory": 1
           *     }
           */
          readonly overcommit?: {
            readonly cpu: number;
            readonly memory: number;
          };
          /** @default 1 */
          readonly disableThreshold?: number;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly datacenterId: string;
            /** @enum {string} */
            readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
            readonly zone: string;
            readonly overcommit: {
              readonly cpu: number;
              readonly memory: number;
            };
            readonly disableThreshold: number;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getCluster: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly datacenterId: string;
            /** @enum {string} */
            readonly hypervisor: 'kvm' | 'vmware' | 'xen' | 'simulator';
            readonly zone: string;
            readonly overcommit: {
              readonly cpu: number;
              readonly memory: number;
            };
            readonly disableThreshold: number;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listImages: {
    readonly parameters: {
      readonly query?: {
        readonly cursor?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly os: string;
              /** @enum {string} */
              readonly format: 'qcow2' | 'raw' | 'vmdk' | 'vhd' | 'iso';
              readonly sizeGiB: number;
              readonly minDiskGiB: number;
              readonly hypervisors: readonly ('kvm' | 'vmware' | 'xen' | 'simulator')[];
              /** @enum {string} */
              readonly state: 'active' | 'deprecated';
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly createImage: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          readonly os: string;
          /**
           * @default qcow2
           * @enum {string}
           */
          readonly format?: 'qcow2' | 'raw' | 'vmdk' | 'vhd' | 'iso';
          readonly sizeGiB: number;
          readonly minDiskGiB?: number;
          readonly hypervisors: readonly ('kvm' | 'vmware' | 'xen' | 'simulator')[];
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly os: string;
            /** @enum {string} */
            readonly format: 'qcow2' | 'raw' | 'vmdk' | 'vhd' | 'iso';
            readonly sizeGiB: number;
            readonly minDiskGiB: number;
            readonly hypervisors: readonly ('kvm' | 'vmware' | 'xen' | 'simulator')[];
            /** @enum {string} */
            readonly state: 'active' | 'deprecated';
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getImage: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly os: string;
            /** @enum {string} */
            readonly format: 'qcow2' | 'raw' | 'vmdk' | 'vhd' | 'iso';
            readonly sizeGiB: number;
            readonly minDiskGiB: number;
            readonly hypervisors: readonly ('kvm' | 'vmware' | 'xen' | 'simulator')[];
            /** @enum {string} */
            readonly state: 'active' | 'deprecated';
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listOfferings: {
    readonly parameters: {
      readonly query?: {
        readonly cursor?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly vcpus: number;
              readonly memoryMiB: number;
              readonly rootDiskGiB: number;
              readonly tags: readonly string[];
              readonly storagePool: string | null;
              /** @enum {string} */
              readonly state: 'active' | 'disabled';
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly createOffering: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          readonly vcpus: number;
          readonly memoryMiB: number;
          readonly rootDiskGiB: number;
          /** @default [] */
          readonly tags?: readonly string[];
          readonly storagePool?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly vcpus: number;
            readonly memoryMiB: number;
            readonly rootDiskGiB: number;
            readonly tags: readonly string[];
            readonly storagePool: string | null;
            /** @enum {string} */
            readonly state: 'active' | 'disabled';
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getOffering: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly vcpus: number;
            readonly memoryMiB: number;
            readonly rootDiskGiB: number;
            readonly tags: readonly string[];
            readonly storagePool: string | null;
            /** @enum {string} */
            readonly state: 'active' | 'disabled';
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listTenants: {
    readonly parameters: {
      readonly query?: {
        readonly cursor?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly domainId: string;
              /** @enum {string} */
              readonly classification: 'public' | 'internal' | 'confidential' | 'secret';
              /** @enum {string} */
              readonly state: 'active' | 'disabled';
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly createTenant: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          readonly domainId?: string;
          /**
           * @default public
           * @enum {string}
           */
          readonly classification?: 'public' | 'internal' | 'confidential' | 'secret';
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly domainId: string;
            /** @enum {string} */
            readonly classification: 'public' | 'internal' | 'confidential' | 'secret';
            /** @enum {string} */
            readonly state: 'active' | 'disabled';
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getTenant: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly domainId: string;
            /** @enum {string} */
            readonly classification: 'public' | 'internal' | 'confidential' | 'secret';
            /** @enum {string} */
            readonly state: 'active' | 'disabled';
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly updateTenant: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description The `ETag` the change is based on; a stale one is refused with 412. */
        readonly 'If-Match'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name?: string;
          /** @enum {string} */
          readonly classification?: 'public' | 'internal' | 'confidential' | 'secret';
          /** @enum {string} */
          readonly state?: 'active' | 'disabled';
          readonly expectedVersion?: number;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly domainId: string;
            /** @enum {string} */
            readonly classification: 'public' | 'internal' | 'confidential' | 'secret';
            /** @enum {string} */
            readonly state: 'active' | 'disabled';
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `If-Match` names a version that is no longer current. */
      readonly 412: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getTenantQuota: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly limits: {
              readonly [key: string]: number | null;
            };
            readonly used: {
              readonly [key: string]: number;
            };
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly setTenantQuota: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description The `ETag` the change is based on; a stale one is refused with 412. */
        readonly 'If-Match'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly instances?: number | null;
          readonly vcpus?: number | null;
          readonly memoryMiB?: number | null;
          readonly volumes?: number | null;
          readonly storageGiB?: number | null;
          readonly networks?: number | null;
          readonly publicIps?: number | null;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly limits: {
              readonly [key: string]: number | null;
            };
            readonly used: {
              readonly [key: string]: number;
            };
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `If-Match` names a version that is no longer current. */
      readonly 412: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listPrincipals: {
    readonly parameters: {
      readonly query?: {
        readonly limit?: number;
        readonly cursor?: string;
        readonly kind?: 'user' | 'group' | 'serviceAccount';
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              /** @enum {string} */
              readonly kind: 'user' | 'group' | 'serviceAccount';
              readonly name: string;
              readonly displayName: string;
              readonly email: string | null;
              /** @enum {string} */
              readonly state: 'active' | 'disabled';
              readonly source: string;
              readonly externalId: string | null;
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly createPrincipal: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          /** @enum {string} */
          readonly kind: 'user' | 'group' | 'serviceAccount';
          readonly name: string;
          readonly displayName?: string;
          /** Format: email */
          readonly email?: string;
          readonly password?: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            /** @enum {string} */
            readonly kind: 'user' | 'group' | 'serviceAccount';
            readonly name: string;
            readonly displayName: string;
            readonly email: string | null;
            /** @enum {string} */
            readonly state: 'active' | 'disabled';
            readonly source: string;
            readonly externalId: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getPrincipal: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            /** @enum {string} */
            readonly kind: 'user' | 'group' | 'serviceAccount';
            readonly name: string;
            readonly displayName: string;
            readonly email: string | null;
            /** @enum {string} */
            readonly state: 'active' | 'disabled';
            readonly source: string;
            readonly externalId: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly deletePrincipal: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly updatePrincipal: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description The `ETag` the change is based on; a stale one is refused with 412. */
        readonly 'If-Match'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          /** @enum {string} */
          readonly state: 'active' | 'disabled';
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            /** @enum {string} */
            readonly kind: 'user' | 'group' | 'serviceAccount';
            readonly name: string;
            readonly displayName: string;
            readonly email: string | null;
            /** @enum {string} */
            readonly state: 'active' | 'disabled';
            readonly source: string;
            readonly externalId: string | null;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `If-Match` names a version that is no longer current. */
      readonly 412: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listBindings: {
    readonly parameters: {
      readonly query?: {
        readonly limit?: number;
        readonly cursor?: string;
        readonly principalId?: string;
        readonly roleId?: string;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly principalId: string;
              readonly roleId: string;
              readonly scope:
                | {
                    /** @constant */
                    readonly kind: 'platform';
                  }
                | {
                    /** @constant */
                    readonly kind: 'domain';
                    readonly id: string;
                  }
                | {
                    /** @constant */
                    readonly kind: 'tenant';
                    readonly id: string;
                  }
                | {
                    /** @constant */
                    readonly kind: 'resource';
                    readonly id: string;
                  };
              readonly scopeKey: string;
              readonly grantedBy: string;
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly grantRole: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly principalId: string;
          readonly roleId: string;
          readonly scope:
            | {
                /** @constant */
                readonly kind: 'platform';
              }
            | {
                /** @constant */
                readonly kind: 'domain';
                readonly id: string;
              }
            | {
                /** @constant */
                readonly kind: 'tenant';
                readonly id: string;
              }
            | {
                /** @constant */
                readonly kind: 'resource';
                readonly id: string;
              };
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly principalId: string;
            readonly roleId: string;
            readonly scope:
              | {
                  /** @constant */
                  readonly kind: 'platform';
                }
              | {
                  /** @constant */
                  readonly kind: 'domain';
                  readonly id: string;
                }
              | {
                  /** @constant */
                  readonly kind: 'tenant';
                  readonly id: string;
                }
              | {
                  /** @constant */
                  readonly kind: 'resource';
                  readonly id: string;
                };
            readonly scopeKey: string;
            readonly grantedBy: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly revokeRole: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listAudit: {
    readonly parameters: {
      readonly query?: {
        readonly cursor?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly principal: {
                readonly id: string;
                /** @enum {string} */
                readonly type: 'user' | 'service' | 'system';
              };
              readonly action: string;
              readonly resource: {
                readonly type: string;
                readonly id: string | null;
              };
              readonly scope: {
                /** @enum {string} */
                readonly kind: 'platform' | 'domain' | 'tenant' | 'resource';
                readonly id: string | null;
              };
              /** @enum {string} */
              readonly outcome: 'allowed' | 'denied' | 'succeeded' | 'failed';
              /** @default {} */
              readonly source: {
                readonly ip?: string;
                readonly userAgent?: string;
                readonly requestId?: string;
              };
              readonly details?: unknown;
              readonly seq: number;
              /** Format: date-time */
              readonly at: string;
              readonly prevHash: string;
              readonly hash: string;
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly verifyAudit: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly ok: boolean;
            readonly records: number;
            readonly head?: unknown;
            readonly problem?: unknown;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly setPassword: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly password: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly addGroupMember: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly userId: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly groupId: string;
            readonly userId: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly removeGroupMember: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
        readonly userId: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly createApiKey: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly keyId: string;
            /** @description base64url; shown once — the server keeps it sealed and never answers it again */
            readonly secret: string;
            readonly principalId: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly revokeApiKey: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listRoles: {
    readonly parameters: {
      readonly query?: {
        readonly cursor?: string;
        readonly limit?: number;
      };
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly version: number;
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly name: string;
              readonly description: string;
              readonly permissions: readonly string[];
            }[];
            readonly nextCursor?: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly createRole: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly name: string;
          /** @default  */
          readonly description?: string;
          readonly permissions: readonly string[];
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 201: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly description: string;
            readonly permissions: readonly string[];
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly listBuiltInRoles: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly items: readonly {
              readonly id: string;
              readonly name: string;
              readonly permissions: readonly string[];
              /** @constant */
              readonly builtIn: true;
            }[];
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getRole: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json':
            | {
                readonly id: string;
                readonly version: number;
                readonly createdAt: string;
                readonly updatedAt: string;
                readonly name: string;
                readonly description: string;
                readonly permissions: readonly string[];
                /** @constant */
                readonly builtIn: false;
              }
            | {
                readonly id: string;
                readonly name: string;
                readonly permissions: readonly string[];
                /** @constant */
                readonly builtIn: true;
              };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly deleteRole: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 204: {
        headers: {
          readonly [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly updateRole: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description The `ETag` the change is based on; a stale one is refused with 412. */
        readonly 'If-Match'?: string;
      };
      readonly path: {
        readonly id: string;
      };
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly description?: string;
          readonly permissions?: readonly string[];
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          /** @description The record’s version, for `If-Match`. */
          readonly ETag?: string;
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly id: string;
            readonly version: number;
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly name: string;
            readonly description: string;
            readonly permissions: readonly string[];
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `If-Match` names a version that is no longer current. */
      readonly 412: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly getPasswordPolicy: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: never;
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            /** @default 12 */
            readonly minLength: number;
            /** @default 3 */
            readonly requireClasses: number;
            /** @default 5 */
            readonly historySize: number;
            /** @default 5 */
            readonly maxFailures: number;
            /** @default 900000 */
            readonly lockoutMs: number;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly updatePasswordPolicy: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description The `ETag` the change is based on; a stale one is refused with 412. */
        readonly 'If-Match'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly minLength?: number;
          readonly requireClasses?: number;
          readonly historySize?: number;
          readonly maxFailures?: number;
          readonly lockoutMs?: number;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            /** @default 12 */
            readonly minLength: number;
            /** @default 3 */
            readonly requireClasses: number;
            /** @default 5 */
            readonly historySize: number;
            /** @default 5 */
            readonly maxFailures: number;
            /** @default 900000 */
            readonly lockoutMs: number;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description `If-Match` names a version that is no longer current. */
      readonly 412: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly signAuditCheckpoint: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody?: never;
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json': {
            readonly seq: number;
            readonly hash: string;
            /** Format: date-time */
            readonly at: string;
            readonly keyId: string;
            readonly signature: string;
          };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  readonly verifyAuditCheckpoint: {
    readonly parameters: {
      readonly query?: never;
      readonly header?: {
        /** @description A retry with the same key and request answers the first response again. */
        readonly 'Idempotency-Key'?: string;
      };
      readonly path?: never;
      readonly cookie?: never;
    };
    readonly requestBody: {
      readonly content: {
        readonly 'application/json': {
          readonly seq: number;
          readonly hash: string;
          /** Format: date-time */
          readonly at: string;
          readonly keyId: string;
          readonly signature: string;
        };
      };
    };
    readonly responses: {
      /** @description Success. */
      readonly 200: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/json':
            | {
                /** @constant */
                readonly ok: true;
                readonly records: number;
                readonly head: {
                  readonly seq: number;
                  readonly hash: string;
                } | null;
              }
            | {
                /** @constant */
                readonly ok: false;
                readonly records: number;
                readonly problem: {
                  /** @enum {string} */
                  readonly kind:
                    | 'edited'
                    | 'deleted'
                    | 'reordered'
                    | 'inserted'
                    | 'truncated'
                    | 'bad-checkpoint';
                  readonly seq: number;
                  readonly message: string;
                };
              };
        };
      };
      /** @description The request is not valid. */
      readonly 400: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid credentials. */
      readonly 401: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not permitted. */
      readonly 403: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found, or not visible to the caller. */
      readonly 404: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description In conflict with the resource’s state. */
      readonly 409: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests from this caller. */
      readonly 429: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Any other failure. */
      readonly default: {
        headers: {
          readonly [name: string]: unknown;
        };
        content: {
          readonly 'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
