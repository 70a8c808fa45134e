import { useState } from 'react';
import IconButton from '@material-ui/core/IconButton';
import Popover from '@material-ui/core/Popover';
import Typography from '@material-ui/core/Typography';
import InfoIcon from '@material-ui/icons/InfoOutlined';
import { MeasureId, measureDefinitions } from '@internal/plugin-coverage-common';

/** A measure's definition, one click away from its figure. */
export function MeasureInfo(props: { measure: MeasureId }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const definition = measureDefinitions[props.measure];
  return (
    <>
      <IconButton
        aria-label={`How ${definition.title} is measured`}
        onClick={e => setAnchor(e.currentTarget)}
        size="small"
      >
        <InfoIcon fontSize="small" />
      </IconButton>
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
          <strong>{definition.title}.</strong> {definition.text}
        </Typography>
      </Popover>
    </>
  );
}
