/**
 * `@ecloud/driver-vmware`: VMware vSphere for ECloud — a vSphere Web Services (SOAP) client on undici
 * and xml2js, and the compute SPI over a vCenter (issue 6).
 * @packageDocumentation
 */

export type { VsphereStats } from './driver/performance-stats.js';
export { VmwareComputeDriver, vmwareDriver } from './driver/vmware-compute-driver.js';
export { VmwareDriverOptions } from './driver/vmware-driver-options.js';
export { type SoapCallOptions, SoapClient, SoapClientOptions } from './soap/soap-client.js';
export { type ManagedObjectReference, moref, type SoapObject, type SoapValue } from './soap/soap-value.js';
export { inventory, inventoryPages } from './vim/inventory.js';
export { type ObjectContent, type PropertySelection, retrieveObjects } from './vim/property-collector.js';
export type { AboutInfo, ServiceContent } from './vim/service-content.js';
export { type TaskWaitOptions, waitForTask } from './vim/task.js';
export { asArray, isReference, type VimObject, type VimValue } from './vim/vim-value.js';
export { VsphereSession, VsphereSessionOptions } from './vim/vsphere-session.js';
export type { WatchOptions } from './vim/watch-object.js';
