import { useState } from 'react';
import { EmptyState } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { coverageApiRef } from '../../api';
import { errorMessage, statusOf } from '../shared/format';

/**
 * No snapshot yet: says when one is taken, and offers to take one now (for
 * those allowed to).
 */
export function EmptyCoverage(props: { onTaken: () => void }) {
  const api = useApi(coverageApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  return (
    <EmptyState
      missing="data"
      title="No coverage snapshot yet"
      description="The portal measures catalog coverage once a day, from the sources of production services (GitHub, Argo CD, PagerDuty). The first snapshot has not been taken yet."
      action={
        <>
          <Button
            variant="contained"
            color="primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(undefined);
              try {
                await api.takeSnapshot();
                props.onTaken();
              } catch (e) {
                setError(e as Error);
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? 'Taking a snapshot…' : 'Take a snapshot now'}
          </Button>
          {error && (
            <Typography color="error" role="alert" style={{ marginTop: 8 }}>
              {statusOf(error) === 403
                ? 'You are not allowed to take a snapshot (coverage.snapshot.create); the daily one will come.'
                : `The snapshot failed: ${errorMessage(error)}`}
            </Typography>
          )}
        </>
      }
    />
  );
}
