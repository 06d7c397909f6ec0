import type { ManagedObjectReference } from '../soap/soap-value.js';
import { malformedAnswer, requireChild, type XmlNode } from '../soap/xml-node.js';
import { decodeValue, isReference } from './vim-value.js';

/** `AboutInfo`: what the server is. @public */
export interface AboutInfo {
  readonly fullName: string;
  readonly apiType: 'VirtualCenter' | 'HostAgent' | string;
  readonly apiVersion: string;
  readonly instanceUuid: string | undefined;
}

/** The `ServiceContent` fields this driver uses, named as vSphere names them. @public */
export interface ServiceContent {
  readonly about: AboutInfo;
  readonly rootFolder: ManagedObjectReference;
  readonly propertyCollector: ManagedObjectReference;
  readonly viewManager: ManagedObjectReference;
  readonly sessionManager: ManagedObjectReference;
  readonly searchIndex: ManagedObjectReference;
  readonly perfManager: ManagedObjectReference | undefined;
  readonly virtualDiskManager: ManagedObjectReference | undefined;
  readonly fileManager: ManagedObjectReference | undefined;
}

function reference(node: XmlNode, name: string): ManagedObjectReference {
  const value = decodeValue(requireChild(node, name));
  if (!isReference(value)) throw malformedAnswer(`ServiceContent.${name} is not a managed object reference`);
  return value;
}

function optionalReference(node: XmlNode, name: string): ManagedObjectReference | undefined {
  return node.children.some((c) => c.name === name) ? reference(node, name) : undefined;
}

/** Reads `RetrieveServiceContent`'s `returnval`. @internal */
export function readServiceContent(node: XmlNode): ServiceContent {
  const about = requireChild(node, 'about');
  const text = (name: string) => about.children.find((c) => c.name === name)?.text;
  return {
    about: {
      fullName: text('fullName') ?? '',
      apiType: text('apiType') ?? '',
      apiVersion: text('apiVersion') ?? '',
      instanceUuid: text('instanceUuid'),
    },
    rootFolder: reference(node, 'rootFolder'),
    propertyCollector: reference(node, 'propertyCollector'),
    viewManager: reference(node, 'viewManager'),
    sessionManager: reference(node, 'sessionManager'),
    searchIndex: reference(node, 'searchIndex'),
    perfManager: optionalReference(node, 'perfManager'),
    virtualDiskManager: optionalReference(node, 'virtualDiskManager'),
    fileManager: optionalReference(node, 'fileManager'),
  };
}
