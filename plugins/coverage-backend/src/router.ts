import express from 'express';
import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  coveragePullRequestCreatePermission,
  coverageReportReadPermission,
  coverageSnapshotCreatePermission,
} from '@internal/plugin-coverage-common';
import { spec } from './schema/openapi.generated';
import { CoverageService } from './service/CoverageService';
import { SnapshotService } from './service/SnapshotService';
import { missingCsv, scopesCsv } from './service/csv';
import { ORGANISATION_SCOPE } from './measures/rollup';

/**
 * Sends a JSON body. The shared types are interfaces, which TypeScript does not
 * match to the generated document's index-signature types; the validator
 * checks requests against the document, and router tests pin the responses.
 */
function send(res: express.Response, status: number | unknown, body?: unknown) {
  if (body === undefined) {
    res.json(status);
  } else {
    res.status(status as number).json(body);
  }
}

/** A request of any route (their query types differ). */
type AnyRequest = unknown;

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  coverage: CoverageService;
  snapshots: SnapshotService;
}

/**
 * The plugin's routes, validated against src/schema/openapi.yaml. Every
 * route needs a token (httpAuth answers 401); the organisation-wide ones also
 * need coverage.report.read.
 */
export function createRouter(options: RouterOptions): express.Router {
  const { httpAuth, permissions, coverage } = options;
  const router = createValidatedOpenApiRouter(spec, {
    middleware: [express.json()],
    validatorOptions: { validateSecurity: false },
  });

  const authorize = async (
    req: AnyRequest,
    permission: BasicPermission,
    message: string,
  ) => {
    const credentials = await httpAuth.credentials(req as express.Request, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(message);
    }
  };
  const reader = (req: AnyRequest) =>
    authorize(
      req,
      coverageReportReadPermission,
      'You may not read the coverage report (coverage.report.read)',
    );
  const signedIn = (req: AnyRequest) =>
    httpAuth.credentials(req as express.Request, {
      allow: ['user', 'service'],
    });

  router.get('/report', async (req, res) => {
    await reader(req);
    // The stored JSON as it is: the report of a large organisation is big.
    (res as express.Response)
      .type('application/json')
      .send(await coverage.reportText());
  });

  router.get('/trend', async (req, res) => {
    await reader(req);
    const days = req.query.days === undefined ? 90 : Number(req.query.days);
    const scope = (req.query.scope as string | undefined) || ORGANISATION_SCOPE;
    send(res, await coverage.trend(days, scope));
  });

  router.get('/missing', async (req, res) => {
    await reader(req);
    send(res, { items: await coverage.missing() });
  });

  router.post('/missing/:owner/:repo/pull-request', async (req, res) => {
    await authorize(
      req,
      coveragePullRequestCreatePermission,
      'You may not open pull requests from the coverage dashboard (coverage.pull-request.create)',
    );
    const { owner, repo } = req.params;
    send(res, 201, await coverage.pullRequest(`${owner}/${repo}`));
  });

  router.get('/teams/:namespace/:name', async (req, res) => {
    await signedIn(req);
    const { namespace, name } = req.params;
    send(
      res,
      await coverage.team(
        stringifyEntityRef({ kind: 'group', namespace, name }),
      ),
    );
  });

  router.get(
    '/entities/:kind/:namespace/:name/completeness',
    async (req, res) => {
      await signedIn(req);
      const { kind, namespace, name } = req.params;
      send(
        res,
        await coverage.entity(stringifyEntityRef({ kind, namespace, name })),
      );
    },
  );

  router.post('/snapshots', async (req, res) => {
    await authorize(
      req,
      coverageSnapshotCreatePermission,
      'You may not take coverage snapshots (coverage.snapshot.create)',
    );
    send(res, await options.snapshots.take());
  });

  router.get('/export', async (req, res) => {
    await reader(req);
    const report = await coverage.report();
    const table = req.query.table as 'scopes' | 'missing';
    const csv =
      table === 'scopes'
        ? scopesCsv(report)
        : missingCsv(report.day, await coverage.missing());
    res
      .type('text/csv')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="coverage-${table}-${report.day}.csv"`,
      )
      .send(csv);
  });

  return router;
}
