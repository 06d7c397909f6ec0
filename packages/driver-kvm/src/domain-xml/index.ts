/**
 * libvirt domain XML: the {@link DomainDefinition} ECloud puts into a domain, {@link buildDomainXml} to
 * write it and {@link parseDomainXml} to read a domain back.
 * @module
 */
export { buildDomainXml } from './build-domain-xml.js';
export { ECLOUD_XMLNS, ECLOUD_XMLNS_PREFIX, SEED_DISK_BUS, SEED_DISK_TARGET } from './conventions.js';
export { DiskBus, DiskDefinition, DiskSource } from './disk-definition.js';
export { BootDevice, DomainDefinition, type DomainDefinitionInput } from './domain-definition.js';
export { GraphicsDefinition } from './graphics-definition.js';
export { NicDefinition, NicSource } from './nic-definition.js';
export { parseDomainXml } from './parse-domain-xml.js';
export type { ParsedDisk, ParsedDomain, ParsedGraphics, ParsedNic, UnknownSource } from './parsed-domain.js';
