/**
 * Authentication on ALB rules and default actions: the authenticate-oidc and
 * authenticate-cognito actions before the rule's own action, the client secret as a
 * Secrets Manager dynamic reference, the session settings, the outbound HTTPS the load
 * balancer needs to reach the identity provider, and a stack with both kinds that
 * passes cdk-nag, the Control Tower rules and the CloudFormation validation.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Stack, Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ApplicationProtocol, UnauthenticatedAction } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { checkedApp } from '../../examples/checks';
import { ElbTopology, ExistingResources, OidcAuthenticationSpec, RedirectProtocol, TopologySpec } from '../../lib';
import { build, minimalSpec } from '../helpers';
import { getAtt, logicalId, refTo, resourceOf } from '../template-helpers';
import { failedReports } from '../validation-report';

const OIDC: OidcAuthenticationSpec = {
  issuer: 'https://idp.example.com',
  authorizationEndpoint: 'https://idp.example.com/authorize',
  tokenEndpoint: 'https://idp.example.com/token',
  userInfoEndpoint: 'https://idp.example.com/userinfo',
  clientId: 'web',
  clientSecretName: 'web/oidc-client-secret',
};

/**
 * ALB `public`: its HTTPS listener authenticates with Cognito before forwarding to
 * `web`; rules authenticate with OIDC before forwarding, answering or redirecting.
 * ALB `intranet` (internal, HTTP only) authenticates nothing.
 */
function authSpec(): TopologySpec {
  return minimalSpec({
    fleets: { web: { port: 8080 }, api: { port: 3000 } },
    targetGroups: { web: { fleet: 'web' }, api: { fleet: 'api' } },
    applicationLoadBalancers: {
      public: {
        ...minimalSpec().applicationLoadBalancers!.public,
        listeners: { https: { defaultAction: { forward: { targetGroup: 'web' }, authenticateCognito: { userPool: 'staff', scope: 'openid email' } } } },
        rules: [
          { name: 'api', conditions: { pathPatterns: ['/api/*'] }, forward: { targetGroup: 'api' }, authenticateOidc: OIDC },
          {
            name: 'admin',
            conditions: { pathPatterns: ['/admin/*'] },
            fixedResponse: { statusCode: 200, messageBody: 'hello' },
            authenticateOidc: {
              ...OIDC,
              clientSecretName: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:web/oidc-AbCdEf',
              clientSecretJsonField: 'clientSecret',
              scope: 'openid profile',
              sessionCookieName: 'AdminSession',
              sessionTimeoutSeconds: 3600,
              onUnauthenticatedRequest: UnauthenticatedAction.DENY,
              authenticationRequestExtraParams: { prompt: 'login' },
            },
          },
          { name: 'reports', conditions: { pathPatterns: ['/reports/*'] }, redirect: { protocol: RedirectProtocol.HTTP, port: 8080 }, authenticateCognito: { userPool: 'staff' } },
        ],
      },
      intranet: {
        internetFacing: false,
        listeners: { web: { protocol: ApplicationProtocol.HTTP, defaultAction: { fixedResponse: { statusCode: 200 } } } },
      },
    },
  });
}

/** A user pool with an app client for the load balancer and a Cognito domain. */
function staffPool(stack: Stack): ExistingResources {
  const userPool = new cognito.UserPool(stack, 'Staff', {
    passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
    mfa: cognito.Mfa.REQUIRED,
    mfaSecondFactor: { sms: false, otp: true },
  });
  const userPoolClient = userPool.addClient('Alb', {
    generateSecret: true,
    oAuth: { flows: { authorizationCodeGrant: true }, scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL], callbackUrls: ['https://www.example.com/oauth2/idpresponse'] },
  });
  const userPoolDomain = userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'staff-example' } });
  return { cognitoUserPools: { staff: { userPool, userPoolClient, userPoolDomain } } };
}

/** Builds the spec in a stack that also holds the Cognito user pool, once. */
function buildWithPools(spec: TopologySpec) {
  const existing: { cognitoUserPools?: ExistingResources['cognitoUserPools'] } = {};
  return build(spec, existing, (stack) => Object.assign(existing, staffPool(stack)));
}

describe('authentication', () => {
  // GIVEN rules and a default action that authenticate, built once
  const { template, topology, annotations, stack } = buildWithPools(authSpec());
  const rule = (name: string) => resourceOf(template, topology.listenerRule('public', name)).Properties!;
  const listener = (alb: string, name: string) => resourceOf(template, topology.applicationListener(alb, name)).Properties!;
  const pool = stack.node.findChild('Staff') as cognito.UserPool;
  /** The egress rules of an ALB's security group: inline ones and `AWS::EC2::SecurityGroupEgress` resources. */
  const egressOf = (alb: string) => [
    ...(resourceOf(template, topology.loadBalancerSecurityGroup(alb)).Properties!.SecurityGroupEgress ?? []),
    ...Object.values(template.findResources('AWS::EC2::SecurityGroupEgress'))
      .filter((e) => e.Properties.GroupId['Fn::GetAtt'][0] === logicalId(topology.loadBalancerSecurityGroup(alb)))
      .map((e) => e.Properties),
  ];

  describe('OIDC', () => {
    test('authenticates first (Order 1), then forwards (Order 2), with AWS\'s session defaults written out', () => {
      expect(rule('api').Actions).toEqual([
        {
          Type: 'authenticate-oidc',
          Order: 1,
          AuthenticateOidcConfig: {
            Issuer: 'https://idp.example.com',
            AuthorizationEndpoint: 'https://idp.example.com/authorize',
            TokenEndpoint: 'https://idp.example.com/token',
            UserInfoEndpoint: 'https://idp.example.com/userinfo',
            ClientId: 'web',
            ClientSecret: '{{resolve:secretsmanager:web/oidc-client-secret:SecretString:::}}',
            Scope: 'openid',
            SessionCookieName: 'AWSELBAuthSessionCookie',
            SessionTimeout: 604800,
            OnUnauthenticatedRequest: 'authenticate',
          },
        },
        { Type: 'forward', Order: 2, TargetGroupArn: refTo(topology.applicationTargetGroup('api')) },
      ]);
    });

    test('reads the client secret from a secret ARN and JSON field, and takes every session setting', () => {
      expect(rule('admin').Actions).toEqual([
        {
          Type: 'authenticate-oidc',
          Order: 1,
          AuthenticateOidcConfig: {
            Issuer: 'https://idp.example.com',
            AuthorizationEndpoint: 'https://idp.example.com/authorize',
            TokenEndpoint: 'https://idp.example.com/token',
            UserInfoEndpoint: 'https://idp.example.com/userinfo',
            ClientId: 'web',
            ClientSecret: '{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:web/oidc-AbCdEf:SecretString:clientSecret::}}',
            Scope: 'openid profile',
            SessionCookieName: 'AdminSession',
            SessionTimeout: 3600,
            OnUnauthenticatedRequest: 'deny',
            AuthenticationRequestExtraParams: { prompt: 'login' },
          },
        },
        { Type: 'fixed-response', Order: 2, FixedResponseConfig: { StatusCode: '200', ContentType: 'text/plain', MessageBody: 'hello' } },
      ]);
    });

    test('never writes a client secret in plain text', () => {
      const secrets = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule'))
        .flatMap((r) => r.Properties.Actions)
        .filter((a) => a.AuthenticateOidcConfig)
        .map((a) => a.AuthenticateOidcConfig.ClientSecret);
      expect(secrets).toHaveLength(2);
      for (const secret of secrets) expect(secret).toMatch(/^\{\{resolve:secretsmanager:[^}]+\}\}$/);
    });
  });

  describe('Cognito', () => {
    test('a rule authenticates with the user pool, its client and its domain, then redirects', () => {
      expect(rule('reports').Actions).toEqual([
        {
          Type: 'authenticate-cognito',
          Order: 1,
          AuthenticateCognitoConfig: {
            UserPoolArn: getAtt(pool, 'Arn'),
            UserPoolClientId: refTo(pool.node.findChild('Alb')),
            UserPoolDomain: refTo(pool.node.findChild('Domain')),
            Scope: 'openid',
            SessionCookieName: 'AWSELBAuthSessionCookie',
            SessionTimeout: 604800,
            OnUnauthenticatedRequest: 'authenticate',
          },
        },
        { Type: 'redirect', Order: 2, RedirectConfig: { Protocol: 'HTTP', Port: '8080', StatusCode: 'HTTP_301' } },
      ]);
    });

    test('a listener\'s default action authenticates, then forwards', () => {
      expect(listener('public', 'https').DefaultActions).toEqual([
        {
          Type: 'authenticate-cognito',
          Order: 1,
          AuthenticateCognitoConfig: {
            UserPoolArn: getAtt(pool, 'Arn'),
            UserPoolClientId: refTo(pool.node.findChild('Alb')),
            UserPoolDomain: refTo(pool.node.findChild('Domain')),
            Scope: 'openid email',
            SessionCookieName: 'AWSELBAuthSessionCookie',
            SessionTimeout: '604800',
            OnUnauthenticatedRequest: 'authenticate',
          },
        },
        { Type: 'forward', Order: 2, TargetGroupArn: refTo(topology.applicationTargetGroup('web')) },
      ]);
    });
  });

  describe('outbound HTTPS to the identity provider', () => {
    test('the security group of an ALB that authenticates allows HTTPS out to anywhere, once', () => {
      expect(egressOf('public').filter((e) => e.FromPort === 443)).toEqual([
        { CidrIp: '0.0.0.0/0', Description: 'Allow to IdP endpoint', FromPort: 443, ToPort: 443, IpProtocol: 'tcp' },
      ]);
    });

    test('the security group of an ALB that authenticates nothing gets no such egress', () => {
      expect(egressOf('intranet').filter((e) => e.CidrIp === '0.0.0.0/0')).toEqual([]);
    });
  });

  test('warns when an action authenticates users and then redirects them to plain HTTP', () => {
    annotations.hasWarning('/Test/Topology/ApplicationLoadBalancers/public',
      Match.stringLikeRegexp("Rule 'reports' of load balancer 'public' authenticates users and then redirects them to plain HTTP.*cdk-elb-topology:alb.authenticatedRedirectToHttp"));
  });

  test('does not warn about authentication followed by other actions', () => {
    const warnings = annotations.findWarning('*', Match.stringLikeRegexp('authenticatedRedirectToHttp'));
    expect(warnings).toHaveLength(1);
  });
});

describe('a topology that authenticates, under every validator of the examples', () => {
  let validation: string | undefined;
  beforeAll(() => {
    validation = process.env.CDK_VALIDATION;
    process.env.CDK_VALIDATION = 'true';
  });
  afterAll(() => {
    if (validation === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = validation;
  });

  test('passes the CloudFormation validation, cdk-nag AwsSolutions and the Control Tower rules with no unacknowledged finding', () => {
    // GIVEN the strict CloudFormation validation, cdk-nag AwsSolutions and the Control Tower rules
    const app = checkedApp();
    const stack = new Stack(app, 'Authenticated');
    const existing = staffPool(stack);
    // The user pool is a fixture of this test, not part of the library.
    Validations.of(existing.cognitoUserPools!.staff.userPool).acknowledge(
      { id: 'AwsSolutions-COG8', reason: 'Test fixture: the Plus feature plan of a user pool is its owner\'s choice, not the library\'s.' },
    );
    // Only the load balancer that authenticates: the HTTP-only intranet one is not about authentication.
    const spec = authSpec();
    const { intranet, ...albs } = spec.applicationLoadBalancers!;
    void intranet;
    new ElbTopology(stack, 'Topology', { spec: { ...spec, applicationLoadBalancers: albs }, existing });

    // WHEN it synthesizes, which throws with the validators' report on any finding
    let assembly: CloudAssembly | undefined;
    expect(() => { assembly = app.synth(); }).not.toThrow();

    // THEN the written report lists no failure either
    const report = JSON.parse(fs.readFileSync(path.join(assembly!.directory, 'validation-report.json'), 'utf-8'));
    expect(failedReports(report)).toEqual([]);
  });
});
