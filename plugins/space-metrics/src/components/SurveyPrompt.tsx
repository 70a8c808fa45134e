import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { useApi } from '@backstage/frontend-plugin-api';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import CloseIcon from '@material-ui/icons/Close';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { SurveyStatus } from '@internal/plugin-space-metrics-common';
import { spaceMetricsApiRef } from '../api';

const useStyles = makeStyles(theme => ({
  root: {
    position: 'fixed',
    right: theme.spacing(3),
    bottom: theme.spacing(3),
    width: 420,
    maxWidth: 'calc(100vw - 48px)',
    padding: theme.spacing(2),
    zIndex: theme.zIndex.snackbar,
  },
  header: { display: 'flex', alignItems: 'flex-start' },
  scores: { margin: theme.spacing(1.5, 0, 0.5), flexWrap: 'wrap' },
  score: { minWidth: 34, padding: theme.spacing(0.5) },
  ends: { display: 'flex', justifyContent: 'space-between' },
  actions: {
    display: 'flex',
    justifyContent: 'flex-end',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
}));

const MAX_COMMENT = 2000;

/**
 * The quarterly question, in a small card in the corner: never a modal, and
 * gone with one click. "Later" asks again in a few days; the close button, an
 * answer, or a later answer in the same quarter end it until next quarter.
 * The status is read again on navigation until it is known, so the card
 * appears after sign-in (this element is also rendered on the sign-in page).
 */
export function SurveyPrompt(props: { delayMs?: number }) {
  const api = useApi(spaceMetricsApiRef);
  const classes = useStyles();
  const location = useLocation();
  const [status, setStatus] = useState<SurveyStatus>();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [thanks, setThanks] = useState(false);
  const [error, setError] = useState<string>();
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    if (status) return undefined;
    let cancelled = false;
    api.getSurveyStatus().then(
      s => !cancelled && setStatus(s),
      () => undefined, // Not signed in yet: try again on the next navigation.
    );
    return () => {
      cancelled = true;
    };
  }, [api, status, location.pathname]);

  useEffect(() => {
    if (!status?.prompt) return undefined;
    const timer = setTimeout(() => setVisible(true), props.delayMs ?? 3000);
    return () => clearTimeout(timer);
  }, [status, props.delayMs]);

  const act = useCallback(
    async (action: () => Promise<SurveyStatus>, after?: () => void) => {
      try {
        setError(undefined);
        const next = await action();
        setStatus(next);
        after?.();
        if (!after) setVisible(false);
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [],
  );

  if (!visible || !status) return null;
  if (thanks) {
    return (
      <Paper className={classes.root} elevation={6} role="status">
        <Typography variant="body1">
          Thank you! Your answer counts for {status.quarter}.
        </Typography>
        <div className={classes.actions}>
          <Button onClick={() => setVisible(false)}>Close</Button>
        </div>
      </Paper>
    );
  }

  return (
    <Paper
      className={classes.root}
      elevation={6}
      role="region"
      aria-label="Portal survey"
    >
      <div className={classes.header}>
        <Typography variant="subtitle1" component="h2" style={{ flex: 1 }}>
          {status.question}
        </Typography>
        <IconButton
          size="small"
          aria-label="Close the survey for this quarter"
          onClick={() => act(() => api.respondToPrompt({ action: 'dismiss' }))}
        >
          <CloseIcon fontSize="small" />
        </IconButton>
      </div>
      <ToggleButtonGroup
        className={classes.scores}
        exclusive
        size="small"
        value={score}
        onChange={(_, value) => setScore(value)}
        aria-label="Score from 0 (not at all likely) to 10 (extremely likely)"
      >
        {Array.from({ length: 11 }, (_, i) => (
          <ToggleButton
            key={i}
            value={i}
            className={classes.score}
            aria-label={`${i}`}
          >
            {i}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <div className={classes.ends}>
        <Typography variant="caption" color="textSecondary">
          Not at all likely
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Extremely likely
        </Typography>
      </div>
      <TextField
        id="space-survey-comment"
        label="Anything you would like to tell the platform team? (optional)"
        helperText={`Read without your name, and only when enough people in your team answered. ${comment.length}/${MAX_COMMENT}`}
        multiline
        minRows={2}
        fullWidth
        margin="dense"
        value={comment}
        inputProps={{ maxLength: MAX_COMMENT }}
        onChange={e => setComment(e.target.value)}
      />
      {error && (
        <Typography color="error" variant="body2" role="alert">
          {error}
        </Typography>
      )}
      <div className={classes.actions}>
        <Button
          onClick={() => act(() => api.respondToPrompt({ action: 'later' }))}
        >
          Later
        </Button>
        <Button
          color="primary"
          variant="contained"
          disabled={score === null}
          onClick={() =>
            act(
              () =>
                api.answerSurvey({
                  score: score!,
                  comment: comment.trim() || undefined,
                }),
              () => setThanks(true),
            )
          }
        >
          Send
        </Button>
      </div>
    </Paper>
  );
}
