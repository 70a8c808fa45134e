import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { GitHostClient } from '@internal/plugin-githost-common';

/** A change request on the local git host, from its API URL; undefined for any other URL. */
export function parseGitHostChangeUrl(
  url: string,
): { owner: string; repo: string; id: number } | undefined {
  const match = url.match(
    /\/api\/githost\/repos\/([^/]+)\/([^/]+)\/change-requests\/(\d+)$/,
  );
  if (!match) return undefined;
  return {
    owner: decodeURIComponent(match[1]),
    repo: decodeURIComponent(match[2]),
    id: Number(match[3]),
  };
}

function ChangeRequestDetails(props: {
  owner: string;
  repo: string;
  id: number;
}) {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const client = useMemo(
    () => new GitHostClient({ discoveryApi, fetchApi }),
    [discoveryApi, fetchApi],
  );
  const { owner, repo, id } = props;
  const change = useAsync(
    () => client.getChangeRequest(owner, repo, id),
    [client, owner, repo, id],
  );
  if (change.loading) return <Progress />;
  if (change.error) return <ResponseErrorPanel error={change.error} />;
  const c = change.value!;
  return (
    <div data-testid="change-request">
      <Typography variant="h6">{c.title}</Typography>
      <Typography variant="body2" paragraph>
        {`${c.owner}/${c.repo} #${c.id}, ${c.status}: ${c.sourceBranch} into ${
          c.targetBranch
        }, opened by ${c.createdBy} on ${new Date(
          c.createdAt,
        ).toLocaleString()}`}
      </Typography>
      {c.changedFiles && (
        <Typography variant="body2" paragraph>
          Changed files: {c.changedFiles.join(', ')}
        </Typography>
      )}
      <Typography
        variant="body2"
        component="pre"
        style={{ whiteSpace: 'pre-wrap' }}
      >
        {c.description}
      </Typography>
    </div>
  );
}

/**
 * Shows a change request of the local git host in the portal: the host has
 * an API but no pages of its own, so a plain link would open raw JSON.
 */
export function ChangeRequestView(props: {
  owner: string;
  repo: string;
  id: number;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" color="primary" onClick={() => setOpen(true)}>
        View change request #{props.id} on the local git host
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        maxWidth="md"
        fullWidth
        aria-labelledby="coverage-change-request-title"
      >
        <DialogTitle id="coverage-change-request-title">
          Change request on the local git host
        </DialogTitle>
        <DialogContent>
          {open && <ChangeRequestDetails {...props} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
