/**
 * Authentication on ALB actions: at most one identity provider, HTTPS listeners only,
 * the OIDC endpoints, client and secret, the session settings, and Cognito user pools
 * passed in `existing.cognitoUserPools`.
 */
import { Fn, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ApplicationProtocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ErrorRow, Loose, expectIssue, expectOnlyIssue, expectValid, rule, withAlb, withRules } from './util';
import { ExistingResources, OidcAuthenticationSpec, TopologySpec } from '../../lib';

const R0 = 'applicationLoadBalancers.public.rules[0]';
const OIDC_PATH = `${R0}.authenticateOidc`;
const COGNITO_PATH = `${R0}.authenticateCognito`;

const OIDC: OidcAuthenticationSpec = {
  issuer: 'https://idp.example.com',
  authorizationEndpoint: 'https://idp.example.com/authorize',
  tokenEndpoint: 'https://idp.example.com/token',
  userInfoEndpoint: 'https://idp.example.com/userinfo',
  clientId: 'web',
  clientSecretName: 'web/oidc-client-secret',
};

/** The minimal spec with one rule that authenticates with OIDC, with these settings changed. */
function withOidc(overrides: Partial<OidcAuthenticationSpec> | Loose): TopologySpec {
  return withRules(rule({ authenticateOidc: { ...OIDC, ...overrides } }));
}

/** The minimal spec with one rule that authenticates with Cognito user pool `staff`, with these settings changed. */
function withCognito(overrides: Loose = {}): TopologySpec {
  return withRules(rule({ authenticateCognito: { userPool: 'staff', ...overrides } }));
}

/** Existing resources with Cognito user pool `staff`, imported by attributes (nothing is synthesized). */
function existingPools(): ExistingResources {
  const stack = new Stack();
  const userPool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_AbCdEfGhI');
  return {
    cognitoUserPools: {
      staff: {
        userPool,
        userPoolClient: cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', '1example23456789'),
        userPoolDomain: cognito.UserPoolDomain.fromDomainName(stack, 'Domain', 'staff-example'),
      },
    },
  };
}

/** An ALB without a certificate whose only listener, `web`, is HTTP. */
function httpOnly(defaultAction: Loose, rules?: Loose[]): TopologySpec {
  return withAlb({ domainName: undefined, hostedZone: undefined, listeners: { web: { protocol: ApplicationProtocol.HTTP, defaultAction } }, rules });
}

const forwardToWeb = { forward: { targetGroup: 'web' } };
/** The HTTPS listener `https` and an HTTP listener `plain` on 8080. */
const httpsAndPlain = {
  https: { defaultAction: forwardToWeb },
  plain: { protocol: ApplicationProtocol.HTTP, port: 8080, defaultAction: forwardToWeb },
};

describe('authentication and listeners', () => {
  test.each<ErrorRow>([
    ['a rule authenticates on an HTTP listener while the ALB has an HTTPS one', withAlb({ listeners: httpsAndPlain, rules: [rule({ listener: 'plain', authenticateOidc: OIDC })] }),
      OIDC_PATH, /^AWS allows authentication only on HTTPS listeners, but the rule's listener 'plain' is HTTP\. Set the rule's `listener` to an HTTPS listener \(https\), or make listener 'plain' HTTPS\.$/],
    ['a rule authenticates on the only listener, which is HTTP', httpOnly(forwardToWeb, [rule({ authenticateOidc: OIDC })]),
      OIDC_PATH, /^AWS allows authentication only on HTTPS listeners, but the rule's listener 'web' is HTTP\. Make listener 'web' HTTPS \(with a certificate\)\.$/],
    ['an HTTP listener\'s default action authenticates', httpOnly({ ...forwardToWeb, authenticateOidc: OIDC }),
      'applicationLoadBalancers.public.listeners.web.defaultAction.authenticateOidc',
      /^AWS allows authentication only on HTTPS listeners, but listener 'web' is HTTP\. Make the listener HTTPS, or authenticate in rules of an HTTPS listener instead\.$/],
    ['authentication has no action after it', withRules(rule({ forward: undefined, authenticateOidc: OIDC })), R0,
      /^has no action\. Set exactly one of `forward`, `weightedForward`, `redirect` or `fixedResponse`\.$/],
    ['authenticateOidc is a string', withRules(rule({ authenticateOidc: 'https://idp.example.com' })), OIDC_PATH,
      /^must be an object with the identity provider's endpoints and client, got 'https:\/\/idp\.example\.com'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when an action authenticates with both OIDC and Cognito', () => {
    expectOnlyIssue(withRules(rule({ authenticateOidc: OIDC, authenticateCognito: { userPool: 'staff' } })), R0,
      /^has both authenticateOidc and authenticateCognito, but at most one is allowed\. Keep one of them: an action authenticates with one identity provider\.$/, existingPools());
  });

  test('fails when an HTTP listener\'s default action authenticates with Cognito', () => {
    expectOnlyIssue(httpOnly({ ...forwardToWeb, authenticateCognito: { userPool: 'staff' } }), 'applicationLoadBalancers.public.listeners.web.defaultAction.authenticateCognito',
      /^AWS allows authentication only on HTTPS listeners, but listener 'web' is HTTP\./, existingPools());
  });

  test('accepts authentication in a rule of the HTTPS listener and in its default action', () => {
    const listeners = { https: { defaultAction: { ...forwardToWeb, authenticateOidc: OIDC } } };
    expectValid(withAlb({ listeners, rules: [rule({ authenticateOidc: OIDC })] }));
  });

  test('accepts authentication before each kind of action', () => {
    expectValid(withRules(
      rule({ name: 'forward', authenticateOidc: OIDC }),
      rule({ name: 'weighted', conditions: { pathPatterns: ['/w'] }, forward: undefined, weightedForward: { targetGroups: [{ targetGroup: 'web', weight: 1 }] }, authenticateOidc: OIDC }),
      rule({ name: 'redirect', conditions: { pathPatterns: ['/r'] }, forward: undefined, redirect: { path: '/home' }, authenticateOidc: OIDC }),
      rule({ name: 'fixed', conditions: { pathPatterns: ['/f'] }, forward: undefined, fixedResponse: { statusCode: 200 }, authenticateOidc: OIDC }),
    ));
  });
});

describe('OIDC authentication', () => {
  test.each<ErrorRow>([
    ['the issuer is an http:// URL', withOidc({ issuer: 'http://idp.example.com' }), `${OIDC_PATH}.issuer`,
      /^'http:\/\/idp\.example\.com' is not an https:\/\/ URL\. Give the identity provider's issuer identifier as a full https:\/\/ URL, for example 'https:\/\/idp\.example\.com'\.$/],
    ['the issuer is a host name, not a URL', withOidc({ issuer: 'idp.example.com' }), `${OIDC_PATH}.issuer`, /^'idp\.example\.com' is not an https:\/\/ URL\./],
    ['the authorization endpoint is an http:// URL', withOidc({ authorizationEndpoint: 'http://idp.example.com/authorize' }), `${OIDC_PATH}.authorizationEndpoint`,
      /^'http:\/\/idp\.example\.com\/authorize' is not an https:\/\/ URL\. Give the identity provider's authorization endpoint as a full https:\/\/ URL, for example 'https:\/\/idp\.example\.com\/authorize'\.$/],
    ['the token endpoint is missing (from JSON)', withOidc({ tokenEndpoint: undefined }), `${OIDC_PATH}.tokenEndpoint`,
      /^is missing\. Give the identity provider's token endpoint as a full https:\/\/ URL, for example 'https:\/\/idp\.example\.com\/token'\.$/],
    ['the user info endpoint is a number', withOidc({ userInfoEndpoint: 443 }), `${OIDC_PATH}.userInfoEndpoint`, /^443 is not an https:\/\/ URL\. Give the identity provider's user info endpoint/],
    ['an endpoint has a space', withOidc({ userInfoEndpoint: 'https://idp.example.com/user info' }), `${OIDC_PATH}.userInfoEndpoint`, /^'https:\/\/idp\.example\.com\/user info' is not an https:\/\/ URL\./],
    ['the client ID is missing', withOidc({ clientId: undefined }), `${OIDC_PATH}.clientId`,
      /^is missing\. Give the OAuth 2\.0 client ID the identity provider issued for the load balancer\.$/],
    ['the client ID is empty', withOidc({ clientId: '' }), `${OIDC_PATH}.clientId`, /^must be the client ID, got ''\./],
    ['the client secret name is missing', withOidc({ clientSecretName: undefined }), `${OIDC_PATH}.clientSecretName`,
      /^is missing\. Store the client secret in AWS Secrets Manager and give the secret's name \(for example 'web\/oidc-client-secret'\) or ARN; the secret itself never goes in the spec\.$/],
    ['the client secret name is empty', withOidc({ clientSecretName: '' }), `${OIDC_PATH}.clientSecretName`,
      /^'' is not the name or ARN of a Secrets Manager secret\. Store the client secret in AWS Secrets Manager .* A name is 1 to 512 letters, digits and the characters \/_\+=\.@-\.$/],
    ['the client secret name has a space', withOidc({ clientSecretName: 'my client secret' }), `${OIDC_PATH}.clientSecretName`,
      /^'my client secret' is not the name or ARN of a Secrets Manager secret\./],
    ['the client secret name is an ARN of another service', withOidc({ clientSecretName: 'arn:aws:ssm:eu-west-1:123456789012:parameter/oidc' }), `${OIDC_PATH}.clientSecretName`,
      /^'arn:aws:ssm:eu-west-1:123456789012:parameter\/oidc' is not the name or ARN of a Secrets Manager secret\./],
    ['the JSON field of the secret is empty', withOidc({ clientSecretJsonField: '' }), `${OIDC_PATH}.clientSecretJsonField`,
      /^must be the key of the client secret in the secret's JSON, got ''\. Leave it out when the whole secret string is the client secret\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when the client secret itself is written in the spec', () => {
    const spec = withOidc({ clientSecret: 's3cr3t' });
    expectIssue(spec, `${OIDC_PATH}.clientSecret`,
      /^a client secret written in the spec would be stored in plain text in the template\. Store the client secret in AWS Secrets Manager .* Set `clientSecretName` instead\.$/);
    expectIssue(spec, `${OIDC_PATH}.clientSecret`, /^unknown field 'clientSecret'\. Known fields: .*clientSecretName/);
  });

  test.each([
    ['a secret ARN', { clientSecretName: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:web/oidc-AbCdEf' }],
    ['a secret with a JSON field', { clientSecretJsonField: 'clientSecret' }],
    ['endpoints and client ID given as tokens', { issuer: Fn.importValue('Issuer'), tokenEndpoint: Fn.importValue('TokenEndpoint'), clientId: Fn.importValue('ClientId') }],
    ['every session setting', { scope: 'openid email', sessionCookieName: 'WebSession', sessionTimeoutSeconds: 3600, onUnauthenticatedRequest: 'deny', authenticationRequestExtraParams: { prompt: 'login' } }],
  ])('accepts %s', (_, overrides) => {
    expectValid(withOidc(overrides));
  });
});

describe('session settings', () => {
  const EXTRA = `${OIDC_PATH}.authenticationRequestExtraParams`;
  const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, 'x']));
  test.each<ErrorRow>([
    ['the session timeout is 0', withOidc({ sessionTimeoutSeconds: 0 }), `${OIDC_PATH}.sessionTimeoutSeconds`,
      /^0 is outside the allowed range 1-604800\. Use a value from 1 to 604800 \(7 days\)\.$/],
    ['the session timeout is above 7 days', withOidc({ sessionTimeoutSeconds: 604801 }), `${OIDC_PATH}.sessionTimeoutSeconds`, /^604801 is outside the allowed range 1-604800\./],
    ['the session timeout is a fraction', withOidc({ sessionTimeoutSeconds: 1.5 }), `${OIDC_PATH}.sessionTimeoutSeconds`, /^must be a whole number from 1 to 604800, got 1\.5\./],
    ['onUnauthenticatedRequest is not an AWS value', withOidc({ onUnauthenticatedRequest: 'redirect' }), `${OIDC_PATH}.onUnauthenticatedRequest`,
      /^'redirect' is not one of 'deny', 'allow', 'authenticate'\.$/],
    ['the session cookie name has a space', withOidc({ sessionCookieName: 'my session' }), `${OIDC_PATH}.sessionCookieName`,
      /^'my session' is not a cookie name\. Use letters, digits and !#\$%&'\*\+-\.\^_`\|~ only, or leave it out for 'AWSELBAuthSessionCookie'\.$/],
    ['the scope is empty', withOidc({ scope: ' ' }), `${OIDC_PATH}.scope`, /^must list the claims to request, got ' '\. Write for example 'openid email', or leave scope out for 'openid'\.$/],
    ['an extra parameter sets the scope', withOidc({ authenticationRequestExtraParams: { scope: 'openid email' } }), `${EXTRA}.scope`,
      /^the scope is not an extra parameter\. Set the `scope` field of the authentication instead\.$/],
    ['an extra parameter sets the client ID', withOidc({ authenticationRequestExtraParams: { client_id: 'other' } }), `${EXTRA}.client_id`,
      /^the load balancer sets the parameter 'client_id' itself\. Remove it from authenticationRequestExtraParams\.$/],
    ['an extra parameter sets the redirect URI', withOidc({ authenticationRequestExtraParams: { redirect_uri: 'https://evil.example.com' } }), `${EXTRA}.redirect_uri`,
      /^the load balancer sets the parameter 'redirect_uri' itself\./],
    ['there are 11 extra parameters', withOidc({ authenticationRequestExtraParams: eleven }), EXTRA, /^11 parameters exceed AWS's limit of 10\. Keep at most 10\.$/],
    ['an extra parameter is a number', withOidc({ authenticationRequestExtraParams: { max_age: 300 } }), `${EXTRA}.max_age`, /^must be a string, got 300\.$/],
    ['the extra parameters are a list', withOidc({ authenticationRequestExtraParams: ['prompt=login'] }), EXTRA,
      /^must map parameter names to values, got \["prompt=login"\]\. Write for example \{ prompt: 'login' \}\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when a Cognito session setting is out of range, as for OIDC', () => {
    expectOnlyIssue(withCognito({ sessionTimeoutSeconds: 0 }), `${COGNITO_PATH}.sessionTimeoutSeconds`, /^0 is outside the allowed range 1-604800\./, existingPools());
  });
});

describe('Cognito authentication', () => {
  test.each<[string, TopologySpec, ExistingResources | undefined, string, RegExp]>([
    ['the user pool name is misspelt', withCognito({ userPool: 'stafff' }), existingPools(), `${COGNITO_PATH}.userPool`,
      /^unknown Cognito user pool 'stafff'\. Did you mean 'staff'\? Known Cognito user pools: staff\.$/],
    ['the user pool is not passed at all', withCognito(), undefined, `${COGNITO_PATH}.userPool`,
      /^Cognito user pool 'staff' is not passed: `existing\.cognitoUserPools` is not given\. Pass it as `existing: \{ cognitoUserPools: \{ 'staff': \{ userPool, userPoolClient, userPoolDomain \} \} \}`\.$/],
    ['the user pool is not named', withCognito({ userPool: undefined }), existingPools(), `${COGNITO_PATH}.userPool`,
      /^must name a Cognito user pool of `existing\.cognitoUserPools`, got nothing\. Known Cognito user pools: staff\.$/],
    ['the passed user pool has no domain', withCognito(), { cognitoUserPools: { staff: { ...existingPools().cognitoUserPools!.staff, userPoolDomain: undefined as Loose } } },
      `${COGNITO_PATH}.userPool`, /^Cognito user pool 'staff' of `existing\.cognitoUserPools` has no userPoolDomain\. Pass the user pool with its app client and its domain\.$/],
    ['a field is misspelt', withCognito({ userPool: undefined, userPools: 'staff' }), existingPools(), `${COGNITO_PATH}.userPools`, /^unknown field 'userPools'\. Did you mean 'userPool'\?/],
  ])('fails when %s', (_, spec, existing, path, expected) => expectIssue(spec, path, expected, existing));

  test('fails only at the user pool when it is misspelt', () => {
    expectOnlyIssue(withCognito({ userPool: 'stafff' }), `${COGNITO_PATH}.userPool`, /^unknown Cognito user pool 'stafff'\./, existingPools());
  });

  test('accepts a user pool passed in existing.cognitoUserPools', () => {
    expectValid(withCognito({ scope: 'openid email', onUnauthenticatedRequest: 'deny' }), existingPools());
  });
});
