import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { describeInvalidName } from '@internal/plugin-githost-common';

/** What a field validator gets to report problems and reach the portal's APIs. */
interface ValidationContext {
  apiHolder: { get<T>(ref: { id: string; T: T }): T | undefined };
}

/**
 * Says in words what is wrong with a new service's name: its form, or that the
 * catalog already has a component with it. The backend checks both again
 * (golden-path:check) when the template runs.
 */
export async function validateGoldenPathName(
  name: string | undefined,
  validation: { addError(message: string): void },
  context: ValidationContext,
) {
  const problem = describeInvalidName(name ?? '');
  if (problem) {
    validation.addError(`The name "${name ?? ''}" ${problem}.`);
    return;
  }
  const catalogApi = context.apiHolder.get(catalogApiRef);
  const taken = await catalogApi?.getEntityByRef({
    kind: 'Component',
    namespace: 'default',
    name: name!,
  });
  if (taken) {
    validation.addError(
      `The name "${name}" is already taken in the catalog (owner: ${String(
        taken.spec?.owner ?? 'unknown',
      )}). Choose another name.`,
    );
  }
}
