import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * `ui:field: GoldenPathName`: the new service's name, with a message in words
 * when it is invalid or already taken in the catalog (instead of RJSF's
 * "must match pattern").
 */
const goldenPathNameField = FormFieldBlueprint.make({
  name: 'golden-path-name',
  params: {
    field: () =>
      import('./GoldenPathNameField').then(m => m.goldenPathNameField),
  },
});

/** The golden paths' form fields for the Scaffolder. */
export const scaffolderModuleGoldenPaths = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [goldenPathNameField],
});
