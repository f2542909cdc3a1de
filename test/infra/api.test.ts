import { describe, expect, it } from 'vitest';
import { ROUTES, routeKey } from '../../functions/http/routes.ts';
import { onlyLogicalId, resourceById } from './support/resources.ts';
import { AUDIENCE, ISSUER, templateFor } from './support/synth.ts';

const authorizedRoutes = ROUTES.filter((route) => route.authorized);

describe('Api', () => {
  it('checks JWTs against the configured issuer and audience', () => {
    const template = templateFor();

    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: ISSUER, Audience: [AUDIENCE] },
    });
  });

  it.each(authorizedRoutes)('puts $name behind the JWT authorizer', (route) => {
    const template = templateFor();
    const authorizer = onlyLogicalId(template, 'AWS::ApiGatewayV2::Authorizer');

    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: routeKey(route),
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizer },
    });
  });

  it('serves every route of the route table and nothing else', () => {
    const template = templateFor();

    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));

    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual(
      ROUTES.map(routeKey).sort(),
    );
  });

  it('logs each request as JSON with its id, route, status and latency', () => {
    const template = templateFor();
    const stage = resourceById(
      template,
      onlyLogicalId(template, 'AWS::ApiGatewayV2::Stage'),
    );

    const settings = stage.Properties?.AccessLogSettings as {
      DestinationArn: { 'Fn::GetAtt': [string, string] };
      Format: string;
    };

    expect(JSON.parse(settings.Format)).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
      latency: '$context.responseLatency',
    });
    expect(
      resourceById(template, settings.DestinationArn['Fn::GetAtt'][0]),
    ).toMatchObject({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 30 },
    });
  });

  it('throttles the default stage with the default limits', () => {
    const template = templateFor();

    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });

  it('outputs the URL of the HTTP API', () => {
    const template = templateFor();

    const api = onlyLogicalId(template, 'AWS::ApiGatewayV2::Api');

    expect(JSON.stringify(template.findOutputs('ApiUrl'))).toContain(`"Ref":"${api}"`);
  });
});
