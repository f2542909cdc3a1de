import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Route } from '../../functions/http/routes.ts';

export interface ApiProps {
  /** Issuer (`iss`) the JWT authorizer trusts. */
  readonly jwtIssuer: string;
  /** Audience (`aud`) the JWT authorizer requires. */
  readonly jwtAudience: string;
  /** Steady-state requests per second the default stage accepts, across all routes. */
  readonly throttleRateLimit: number;
  /** Requests the default stage accepts in a short burst, across all routes. */
  readonly throttleBurstLimit: number;
  /** How long access logs are kept. @default one month */
  readonly accessLogRetention?: logs.RetentionDays;
}

/** What the access log records for each request, one JSON object a line. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  routeKey: '$context.routeKey',
  status: '$context.status',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
};

/**
 * The HTTP API: a JWT authorizer, one Lambda integration per route, and a default
 * stage with access logs and throttling.
 */
export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  private readonly authorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', { createDefaultStage: false });
    this.authorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.jwtIssuer, {
      jwtAudience: [props.jwtAudience],
    });
    this.stage = this.defaultStage(props);
  }

  /** The URL clients call. */
  get url(): string {
    return this.stage.url;
  }

  /** Serves `route` with `fn`, behind the JWT authorizer when the route asks for it. */
  addRoute(route: Route, fn: lambda.IFunction): void {
    const httpRoute = new apigw.HttpRoute(this, route.name, {
      httpApi: this.httpApi,
      routeKey: apigw.HttpRouteKey.with(route.path, apigw.HttpMethod[route.method]),
      integration: new HttpLambdaIntegration(`${route.name}Integration`, fn),
      authorizer: route.authorized ? this.authorizer : new apigw.HttpNoneAuthorizer(),
    });
    if (route.authorized) return;
    Validations.of(httpRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: `${route.name} is public by design: it serves the API description and no workspace data.`,
    });
  }

  private defaultStage(props: ApiProps): apigw.HttpStage {
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    return new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: {
        rateLimit: props.throttleRateLimit,
        burstLimit: props.throttleBurstLimit,
      },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
  }
}
