import TextField from '@material-ui/core/TextField';
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { validateGoldenPathName } from './validateName';

/**
 * The name input, shaped like the Scaffolder's own EntityNamePicker: the form
 * shows the validator's words under the field and at the top of the step.
 */
function GoldenPathName(props: {
  onChange: (value: string | undefined) => void;
  rawErrors?: string[];
  required?: boolean;
  formData?: string;
  schema: { title?: string; description?: string };
  uiSchema?: { 'ui:autofocus'?: boolean };
  idSchema?: { $id: string };
}) {
  const { onChange, rawErrors = [], required, formData, schema } = props;
  return (
    <TextField
      id={props.idSchema?.$id}
      label={schema.title ?? 'Name'}
      helperText={schema.description}
      required={required}
      value={formData ?? ''}
      onChange={e => onChange(e.target.value || undefined)}
      margin="normal"
      error={rawErrors.length > 0}
      inputProps={{ autoFocus: props.uiSchema?.['ui:autofocus'] }}
      FormHelperTextProps={{ margin: 'dense', style: { marginLeft: 0 } }}
    />
  );
}

/** The `GoldenPathName` field extension. */
export const goldenPathNameField = createFormField({
  name: 'GoldenPathName',
  component: GoldenPathName as any,
  validation: validateGoldenPathName as any,
});
