import express from 'express';
import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  spaceDashboardReadPermission,
  spaceDeploymentCreatePermission,
  spaceSurveyCommentsReadPermission,
} from '@internal/plugin-space-metrics-common';
import { spec } from './schema/openapi.generated';
import { SurveyService } from './services/SurveyService';
import { NpsService } from './services/NpsService';
import { TtfdService } from './services/TtfdService';
import { AdoptionService } from './services/AdoptionService';
import { UsageService } from './services/UsageService';
import { DeploymentService } from './services/DeploymentService';
import { OrgSource } from './services/CatalogOrgSource';
import { parsePeriod } from './services/period';

/** What the router hands requests to. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  org: OrgSource;
  survey: SurveyService;
  nps: NpsService;
  ttfd: TtfdService;
  adoption: AdoptionService;
  usage: UsageService;
  deployments: DeploymentService;
  isDemo: () => Promise<boolean>;
}

/**
 * The plugin's routes, validated against src/schema/openapi.yaml: a request
 * that does not match the document is refused with a 400 naming the field.
 */
export function createRouter(options: RouterOptions): express.Router {
  const { httpAuth, permissions, org } = options;
  const router = createValidatedOpenApiRouter(spec, {
    // Large enough that an over-long comment reaches the check that names the
    // limit, instead of failing as an anonymous "entity too large".
    middleware: [express.json({ limit: '2mb' })],
    // httpAuth checks the token (and answers 401 itself); the document's
    // security section describes that rather than duplicating the check.
    validatorOptions: { validateSecurity: false },
  });

  const authorize = async (
    credentials: BackstageCredentials,
    permission: BasicPermission,
    message: string,
  ) => {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(message);
    }
  };
  const dashboardReader = async (req: express.Request) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorize(
      credentials,
      spaceDashboardReadPermission,
      'You may not read the adoption dashboard (space.dashboard.read)',
    );
  };
  const userRef = async (req: express.Request) =>
    (await httpAuth.credentials(req, { allow: ['user'] })).principal
      .userEntityRef;
  const period = async (req: express.Request) =>
    parsePeriod(req.query as Record<string, string>, await org.get());

  router.get('/survey/status', async (req, res) => {
    res.json(await options.survey.status(await userRef(req)));
  });

  router.put('/survey/answer', async (req, res) => {
    res.json(await options.survey.answer(await userRef(req), req.body));
  });

  router.post('/survey/prompt', async (req, res) => {
    res.json(await options.survey.respond(await userRef(req), req.body));
  });

  router.get('/nps', async (req, res) => {
    await dashboardReader(req);
    res.json(await options.nps.report(await period(req)));
  });

  router.get('/nps/comments', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorize(
      credentials,
      spaceSurveyCommentsReadPermission,
      'You may not read survey comments (space.survey.comments.read)',
    );
    const group = (req.query.group as string | undefined) || null;
    if (group && !(await org.get()).groups.has(group)) {
      throw new InputError(`group '${group}' is not a Group in the catalog`);
    }
    res.json(await options.nps.comments(req.query.quarter as string, group));
  });

  router.get('/ttfd', async (req, res) => {
    await dashboardReader(req);
    res.json(await options.ttfd.report(await period(req)));
  });

  router.get('/adoption', async (req, res) => {
    await dashboardReader(req);
    res.json(await options.adoption.report(await period(req)));
  });

  router.get('/usage', async (req, res) => {
    await dashboardReader(req);
    res.json(
      await options.usage.report(await period(req), await options.isDemo()),
    );
  });

  router.get('/groups', async (req, res) => {
    await dashboardReader(req);
    const model = await org.get();
    res.json({
      groups: [...model.groups.values()]
        .map(g => ({
          ref: g.ref,
          title: g.title,
          type: g.type,
          parent: g.parent ?? undefined,
        }))
        .sort((a, b) => a.title.localeCompare(b.title)),
    });
  });

  router.post('/events', async (req, res) => {
    const accepted = await options.usage.ingest(
      await userRef(req),
      req.body.events,
    );
    res.status(202).json({ accepted });
  });

  router.post('/deployments', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    await authorize(
      credentials,
      spaceDeploymentCreatePermission,
      'This token may not report deployments (space.deployment.create)',
    );
    const result = await options.deployments.report(req.body);
    res.status(201).json(result);
  });

  return router;
}
