import type { SoapCallOptions } from '../soap/soap-client.js';
import type { ManagedObjectReference } from '../soap/soap-value.js';
import { malformedAnswer } from '../soap/xml-node.js';
import { type ObjectContent, type PropertySelection, retrievePages } from './property-collector.js';
import { decodeValue, isReference } from './vim-value.js';
import type { VsphereSession } from './vsphere-session.js';

/**
 * Every object of the selected types under `container` (default: the root folder), with the selected
 * properties, page by page: one container view (`ViewManager.CreateContainerView`, recursive) and one
 * `RetrievePropertiesEx` walk over it — not a call per object. The view is destroyed at the end, also
 * when the consumer stops early.
 * @public
 */
export async function* inventoryPages(
  session: VsphereSession,
  selections: readonly PropertySelection[],
  options: SoapCallOptions & { readonly pageSize?: number; readonly container?: ManagedObjectReference } = {},
): AsyncGenerator<ObjectContent[]> {
  const [answer] = await session.call(
    'CreateContainerView',
    session.content.viewManager,
    {
      container: options.container ?? session.content.rootFolder,
      type: selections.map((s) => s.type),
      recursive: true,
    },
    { signal: options.signal },
  );
  const view = answer ? decodeValue(answer) : undefined;
  if (!isReference(view, 'ContainerView')) throw malformedAnswer('CreateContainerView returned no view');
  try {
    yield* retrievePages(
      session,
      [
        {
          obj: view,
          skip: true,
          selectSet: [
            { $type: 'TraversalSpec', name: 'view', type: 'ContainerView', path: 'view', skip: false },
          ],
        },
      ],
      selections,
      options,
    );
  } finally {
    await session.invoke('DestroyView', view).catch(() => undefined);
  }
}

/** Every page of {@link inventoryPages}, gathered. @public */
export async function inventory(
  session: VsphereSession,
  selections: readonly PropertySelection[],
  options: SoapCallOptions & { readonly pageSize?: number; readonly container?: ManagedObjectReference } = {},
): Promise<ObjectContent[]> {
  const all: ObjectContent[] = [];
  for await (const page of inventoryPages(session, selections, options)) all.push(...page);
  return all;
}
