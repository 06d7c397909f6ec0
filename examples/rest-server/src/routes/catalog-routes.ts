import {
  Cluster,
  CreateClusterInput,
  CreateDatacenterInput,
  CreateImageInput,
  CreateOfferingInput,
  CreateTenantInput,
  Datacenter,
  Image,
  Offering,
  Tenant,
} from '@ecloud/core';
import { recordRoutes } from './record-routes.js';
import type { RouteSpec } from './route.js';

/** The catalog: where instances run and what they are made from (R-COMP-4, R-DC). */
export const CATALOG_ROUTES: readonly RouteSpec[] = [
  ...recordRoutes('datacenters', 'datacenter', Datacenter, CreateDatacenterInput),
  ...recordRoutes('clusters', 'cluster', Cluster, CreateClusterInput),
  ...recordRoutes('images', 'image', Image, CreateImageInput),
  ...recordRoutes('offerings', 'offering', Offering, CreateOfferingInput),
  ...recordRoutes('tenants', 'tenant', Tenant, CreateTenantInput),
];
