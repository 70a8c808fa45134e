import { ResponseErrorPanel } from '@backstage/core-components';
import Alert from '@material-ui/lab/Alert';
import { statusOf } from './format';

/**
 * A failed request: a refusal says which permission is missing; anything else
 * shows the backend's error.
 */
export function RequestError(props: {
  error: Error;
  /** What could not be shown, e.g. "the organisation's coverage report". */
  what: string;
  /** The permission it needs, when it needs one beyond sign-in. */
  permission?: string;
}) {
  if (statusOf(props.error) === 403) {
    return (
      <Alert severity="warning" role="alert">
        You are not allowed to see {props.what}
        {props.permission
          ? `: it needs the ${props.permission} permission`
          : ''}
        . Ask the platform team for access.
      </Alert>
    );
  }
  return <ResponseErrorPanel error={props.error} />;
}
