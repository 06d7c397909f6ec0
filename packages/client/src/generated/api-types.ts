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
    readonly patch?: never;
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
    readonly delete?: never;
    readonly options?: never;
    readonly head?: never;
    readonly patch?: never;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
              readonly createdAt: string;
              readonly updatedAt: string;
              readonly operation: string;
              /** @enum {string} */
              readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
              readonly progress: number;
              readonly tenantId: string | null;
              readonly resourceType: string;
              readonly resourceId: string;
              readonly input: {
                readonly [key: string]: unknown;
              };
              readonly steps: readonly {
                readonly name: string;
                readonly data: {
                  readonly [key: string]: unknown;
                };
              }[];
              readonly result: {
                readonly [key: string]: unknown;
              } | null;
              readonly error: {
                readonly code: string;
                readonly message: string;
                readonly retryable: boolean;
                readonly details: {
                  readonly [key: string]: unknown;
                };
                readonly driver?: string;
                readonly jobId?: string;
              } | null;
              readonly idempotencyKey: string | null;
              readonly cancelRequested: boolean;
              readonly ownerNode: string;
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
            readonly createdAt: string;
            readonly updatedAt: string;
            readonly operation: string;
            /** @enum {string} */
            readonly state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
            readonly progress: number;
            readonly tenantId: string | null;
            readonly resourceType: string;
            readonly resourceId: string;
            readonly input: {
              readonly [key: string]: unknown;
            };
            readonly steps: readonly {
              readonly name: string;
              readonly data: {
                readonly [key: string]: unknown;
              };
            }[];
            readonly result: {
              readonly [key: string]: unknown;
            } | null;
            readonly error: {
              readonly code: string;
              readonly message: string;
              readonly retryable: boolean;
              readonly details: {
                readonly [key: string]: unknown;
              };
              readonly driver?: string;
              readonly jobId?: string;
            } | null;
            readonly idempotencyKey: string | null;
            readonly cancelRequested: boolean;
            readonly ownerNode: string;
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
}
