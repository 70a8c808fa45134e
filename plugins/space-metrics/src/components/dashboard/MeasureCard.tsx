import { ReactNode, useState } from 'react';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import IconButton from '@material-ui/core/IconButton';
import Popover from '@material-ui/core/Popover';
import Typography from '@material-ui/core/Typography';
import InfoIcon from '@material-ui/icons/InfoOutlined';
import { definitions, MeasureKey } from '@internal/plugin-space-metrics-common';
import { measureDefinitions } from '@internal/plugin-coverage-common';

/**
 * One measure of the dashboard: its own loading and error state (a measure
 * that fails to load leaves the others working), and its definition one click
 * away on the info button.
 */
export function MeasureCard(props: {
  /** A SPACE measure, or the coverage plugin's headline. */
  measure: MeasureKey | 'coverage';
  loading: boolean;
  error?: Error;
  children?: ReactNode;
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const definition =
    props.measure === 'coverage'
      ? measureDefinitions.coverage
      : definitions[props.measure];
  const infoButton = (
    <IconButton
      aria-label={`How ${definition.title} is measured`}
      onClick={e => setAnchor(e.currentTarget)}
      size="small"
    >
      <InfoIcon />
    </IconButton>
  );
  let content: ReactNode = props.children;
  if (props.loading) content = <Progress />;
  else if (props.error) content = <ResponseErrorPanel error={props.error} />;
  return (
    <InfoCard title={definition.title} action={infoButton}>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Typography
          variant="body2"
          style={{ padding: 16, maxWidth: 460 }}
          role="note"
        >
          {definition.text}
        </Typography>
      </Popover>
      {content}
    </InfoCard>
  );
}
