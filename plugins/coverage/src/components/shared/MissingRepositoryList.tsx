import { useState } from 'react';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  MissingRepository,
  OwnerGuess,
  PullRequestResult,
} from '@internal/plugin-coverage-common';
import { coverageApiRef } from '../../api';
import { errorMessage, sourceTitle, statusOf } from './format';
import { ChangeRequestView, parseGitHostChangeUrl } from './ChangeRequestView';

const basisText: Record<OwnerGuess['basis'], string> = {
  codeowners: 'CODEOWNERS',
  'top-committers': 'top committers',
};

function OwnerGuessCell(props: { guess?: OwnerGuess }) {
  if (!props.guess) {
    return (
      <Typography variant="body2" color="textSecondary">
        no guess: neither CODEOWNERS nor the committers name a team
      </Typography>
    );
  }
  return (
    <>
      <EntityRefLink entityRef={props.guess.ref} />{' '}
      <Typography
        component="span"
        variant="caption"
        color="textSecondary"
        title={props.guess.detail}
        data-testid="owner-guess-basis"
      >
        guess ({basisText[props.guess.basis]})
      </Typography>
    </>
  );
}

function changeName(host: string): string {
  return host === 'github'
    ? 'pull request on GitHub'
    : 'change request on the local git host';
}

/**
 * Opens a pull request (on the embedded default: a change request on the
 * local git host) adding a generated catalog-info.yaml, then links to it.
 */
function AddToCatalog(props: { repo: MissingRepository }) {
  const api = useApi(coverageApiRef);
  const [state, setState] = useState<{
    busy?: boolean;
    result?: PullRequestResult;
    error?: Error;
  }>({});
  const url = state.result?.url ?? props.repo.pullRequestUrl;
  if (url) {
    const local = parseGitHostChangeUrl(url);
    return (
      <>
        {state.result && (
          <Typography variant="body2" role="status">
            {`Opened a ${changeName(state.result.host)}.`}
          </Typography>
        )}
        {local ? (
          <ChangeRequestView {...local} />
        ) : (
          <Link to={url} data-testid="pull-request-link">
            {state.result
              ? `Open the ${changeName(state.result.host)}`
              : 'A pull request adding it is open'}
          </Link>
        )}
        {state.result && (
          <details>
            <summary>
              <Typography component="span" variant="caption">
                catalog-info.yaml on branch {state.result.branch}
              </Typography>
            </summary>
            <pre style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
              {state.result.catalogInfoYaml}
            </pre>
          </details>
        )}
      </>
    );
  }
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        color="primary"
        disabled={state.busy}
        style={{ whiteSpace: 'nowrap' }}
        aria-label={`Add ${props.repo.repoSlug} to catalog`}
        onClick={async () => {
          setState({ busy: true });
          try {
            setState({ result: await api.createPullRequest(props.repo.repoSlug) });
          } catch (e) {
            setState({ error: e as Error });
          }
        }}
      >
        {state.busy ? 'Opening…' : 'Add to catalog'}
      </Button>
      {state.error && (
        <Typography variant="body2" color="error" role="alert">
          {statusOf(state.error) === 403
            ? 'You are not allowed to open this change: it needs the coverage.pull-request.create permission.'
            : `Could not open the change: ${errorMessage(state.error)}`}
        </Typography>
      )}
    </>
  );
}

/**
 * Production repositories without a catalog entity: where they come from, the
 * guessed owner (marked as a guess) and the action that adds them.
 */
export function MissingRepositoryList(props: {
  items: MissingRepository[];
  label: string;
  /** The snapshot's sources, to name them by title. */
  sources?: { id: string; title: string }[];
}) {
  if (props.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Every production repository has a catalog entity.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell>Repository</TableCell>
          <TableCell>Reported by</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell>Action</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(repo => (
          <TableRow key={repo.repoSlug}>
            <TableCell>
              {repo.url ? (
                <Link to={repo.url}>{repo.repoSlug}</Link>
              ) : (
                repo.repoSlug
              )}
            </TableCell>
            <TableCell>
              {repo.sources.map(s => sourceTitle(s, props.sources)).join(', ')}
            </TableCell>
            <TableCell>
              <OwnerGuessCell guess={repo.ownerGuess} />
            </TableCell>
            <TableCell>
              <AddToCatalog repo={repo} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
