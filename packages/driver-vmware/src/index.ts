/**
 * `@ecloud/driver-vmware`: VMware vSphere for ECloud — a vSphere Web Services (SOAP) client on undici
 * and xml2js, and the compute SPI over a vCenter (issue 6).
 * @packageDocumentation
 */
export { type SoapCallOptions, SoapClient, SoapClientOptions } from './soap/soap-client.js';
export { type ManagedObjectReference, moref, type SoapObject, type SoapValue } from './soap/soap-value.js';
