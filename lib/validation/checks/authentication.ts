import { Token } from 'aws-cdk-lib';
import { ApplicationProtocol, UnauthenticatedAction } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ResolvedListener, resolveListeners, resolveRules, sortedEntries } from '../../private/resolve';
import { ApplicationLoadBalancerSpec } from '../../spec/alb';
import { AuthenticationSpec, CognitoAuthenticationSpec, OidcAuthenticationSpec } from '../../spec/authentication';
import { ListenerActionSpec } from '../../spec/listener-rule';
import { CheckContext } from '../context';
import { unknownNameHint } from '../did-you-mean';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkEnum, checkInt, checkKnownFields, isObject } from './util';

/** AWS's quota of extra query parameters of the redirect to the authorization endpoint. */
const MAX_EXTRA_PARAMS = 10;
/** Parameters the load balancer sends itself (`scope` has its own field). */
const RESERVED_PARAMS = ['client_id', 'nonce', 'redirect_uri', 'response_type', 'scope', 'state'];
/** A cookie name: an HTTP token (RFC 6265). */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A Secrets Manager secret name, or a secret's ARN. */
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}$/;
const ENDPOINTS = [
  ['issuer', 'issuer identifier', 'https://idp.example.com'],
  ['authorizationEndpoint', 'authorization endpoint', 'https://idp.example.com/authorize'],
  ['tokenEndpoint', 'token endpoint', 'https://idp.example.com/token'],
  ['userInfoEndpoint', 'user info endpoint', 'https://idp.example.com/userinfo'],
] as const;
const SECRET_HINT = "Store the client secret in AWS Secrets Manager and give the secret's name (for example 'web/oidc-client-secret') or ARN; "
  + 'the secret itself never goes in the spec.';

/**
 * Authentication on ALB actions (rules and listeners' default actions): at most one
 * identity provider, only on HTTPS listeners, well-formed OIDC settings, and Cognito
 * user pools passed in `existing.cognitoUserPools`.
 */
export function checkAuthentication(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, alb] of sortedEntries(ctx.spec.applicationLoadBalancers)) {
    if (!isObject(alb)) continue;
    const spec = alb as ApplicationLoadBalancerSpec;
    if (spec.listeners !== undefined && !isObject(spec.listeners)) continue;
    const path = SpecPath.ROOT.at('applicationLoadBalancers', name);
    const listeners = new Map(resolveListeners(spec).map((l) => [l.name, l]));
    for (const l of listeners.values()) {
      if (!isObject(l.spec) || !isObject(l.spec.defaultAction)) continue;
      const ap = path.at('listeners', l.name, 'defaultAction');
      const notHttps: NotHttps | undefined = l.protocol !== ApplicationProtocol.HTTP ? undefined
        : [`listener '${l.name}' is ${l.protocol}`, 'Make the listener HTTPS, or authenticate in rules of an HTTPS listener instead.'];
      checkAction(ctx, l.spec.defaultAction, ap, notHttps, issues);
    }
    if (!Array.isArray(spec.rules) || !spec.rules.every(isObject)) continue;
    const https = [...listeners.values()].filter((l) => l.protocol === ApplicationProtocol.HTTPS).map((l) => l.name);
    for (const rule of resolveRules(spec)) {
      const listener: ResolvedListener | undefined = rule.listener !== undefined ? listeners.get(rule.listener) : undefined;
      // A rule without a known listener is reported by the rules check.
      if (listener === undefined) continue;
      const rp = path.key('rules').index(rule.index);
      const notHttps: NotHttps | undefined = listener.protocol !== ApplicationProtocol.HTTP ? undefined
        : [`the rule's listener '${listener.name}' is ${listener.protocol}`, https.length > 0
          ? `Set the rule's \`listener\` to an HTTPS listener (${https.join(', ')}), or make listener '${listener.name}' HTTPS.`
          : `Make listener '${listener.name}' HTTPS (with a certificate).`];
      checkAction(ctx, rule.spec, rp, notHttps, issues);
    }
  }
  return issues;
}

/** Why an action's listener is not HTTPS, and how to fix it. */
type NotHttps = [why: string, hint: string];

function checkAction(ctx: CheckContext, action: ListenerActionSpec, path: SpecPath, notHttps: NotHttps | undefined, issues: SpecIssue[]): void {
  const oidc = action.authenticateOidc;
  const cognito = action.authenticateCognito;
  if (oidc === undefined && cognito === undefined) return;
  if (oidc !== undefined && cognito !== undefined) {
    issues.push(issue(path, 'has both authenticateOidc and authenticateCognito, but at most one is allowed.',
      'Keep one of them: an action authenticates with one identity provider.'));
  }
  if (notHttps !== undefined) {
    const field = oidc !== undefined ? 'authenticateOidc' : 'authenticateCognito';
    issues.push(issue(path.key(field), `AWS allows authentication only on HTTPS listeners, but ${notHttps[0]}.`, notHttps[1]));
  }
  if (oidc !== undefined) checkOidc(oidc, path.key('authenticateOidc'), issues);
  if (cognito !== undefined) checkCognito(ctx, cognito, path.key('authenticateCognito'), issues);
}

function checkOidc(oidc: OidcAuthenticationSpec, path: SpecPath, issues: SpecIssue[]): void {
  if (!isObject(oidc)) {
    issues.push(issue(path, `must be an object with the identity provider's endpoints and client, got ${show(oidc)}.`));
    return;
  }
  checkKnownFields(issues, path, oidc, 'OidcAuthenticationSpec');
  if ('clientSecret' in oidc) {
    issues.push(issue(path.key('clientSecret'), 'a client secret written in the spec would be stored in plain text in the template.',
      `${SECRET_HINT} Set \`clientSecretName\` instead.`));
  }
  for (const [key, what, example] of ENDPOINTS) {
    const value: unknown = oidc[key];
    const hint = `Give the identity provider's ${what} as a full https:// URL, for example '${example}'.`;
    if (value === undefined) {
      issues.push(issue(path.key(key), 'is missing.', hint));
    } else if (typeof value !== 'string' || (!Token.isUnresolved(value) && !isHttpsUrl(value))) {
      issues.push(issue(path.key(key), `${show(value)} is not an https:// URL.`, hint));
    }
  }
  if (typeof oidc.clientId !== 'string' || oidc.clientId === '') {
    issues.push(issue(path.key('clientId'), oidc.clientId === undefined ? 'is missing.' : `must be the client ID, got ${show(oidc.clientId)}.`,
      'Give the OAuth 2.0 client ID the identity provider issued for the load balancer.'));
  }
  const secret: unknown = oidc.clientSecretName;
  if (secret === undefined) {
    issues.push(issue(path.key('clientSecretName'), 'is missing.', SECRET_HINT));
  } else if (typeof secret !== 'string' || (!Token.isUnresolved(secret) && !SECRET_NAME.test(secret) && !SECRET_ARN.test(secret))) {
    issues.push(issue(path.key('clientSecretName'), `${show(secret)} is not the name or ARN of a Secrets Manager secret.`,
      `${SECRET_HINT} A name is 1 to 512 letters, digits and the characters /_+=.@-.`));
  }
  if (oidc.clientSecretJsonField !== undefined && (typeof oidc.clientSecretJsonField !== 'string' || oidc.clientSecretJsonField === '')) {
    issues.push(issue(path.key('clientSecretJsonField'), `must be the key of the client secret in the secret's JSON, got ${show(oidc.clientSecretJsonField)}.`,
      'Leave it out when the whole secret string is the client secret.'));
  }
  checkSession(oidc, path, issues);
}

function checkCognito(ctx: CheckContext, cognito: CognitoAuthenticationSpec, path: SpecPath, issues: SpecIssue[]): void {
  if (!isObject(cognito)) {
    issues.push(issue(path, `must be an object with a userPool, got ${show(cognito)}.`));
    return;
  }
  checkKnownFields(issues, path, cognito, 'CognitoAuthenticationSpec');
  checkSession(cognito, path, issues);
  const name: unknown = cognito.userPool;
  const pools: unknown = ctx.existing.cognitoUserPools;
  const known = isObject(pools) ? Object.keys(pools).sort() : [];
  const pass = (n: string) => `Pass it as \`existing: { cognitoUserPools: { '${n}': { userPool, userPoolClient, userPoolDomain } } }\`.`;
  if (typeof name !== 'string' || name === '') {
    issues.push(issue(path.key('userPool'), `must name a Cognito user pool of \`existing.cognitoUserPools\`, got ${show(name)}.`,
      known.length > 0 ? `Known Cognito user pools: ${known.join(', ')}.` : pass('name')));
  } else if (!isObject(pools)) {
    issues.push(issue(path.key('userPool'), `Cognito user pool '${name}' is not passed: \`existing.cognitoUserPools\` is not given.`, pass(name)));
  } else if (!known.includes(name)) {
    issues.push(issue(path.key('userPool'), `unknown Cognito user pool '${name}'.`, unknownNameHint(name, known, 'Cognito user pool', 'existing.cognitoUserPools')));
  } else {
    const given: unknown = pools[name];
    const missing = ['userPool', 'userPoolClient', 'userPoolDomain'].filter((k) => !isObject(given) || given[k] === undefined);
    if (missing.length > 0) {
      issues.push(issue(path.key('userPool'), `Cognito user pool '${name}' of \`existing.cognitoUserPools\` has no ${missing.join(', ')}.`,
        'Pass the user pool with its app client and its domain.'));
    }
  }
}

function checkSession(spec: AuthenticationSpec, path: SpecPath, issues: SpecIssue[]): void {
  if (spec.scope !== undefined && (typeof spec.scope !== 'string' || spec.scope.trim() === '')) {
    issues.push(issue(path.key('scope'), `must list the claims to request, got ${show(spec.scope)}.`, "Write for example 'openid email', or leave scope out for 'openid'."));
  }
  if (spec.sessionCookieName !== undefined && (typeof spec.sessionCookieName !== 'string' || !COOKIE_NAME.test(spec.sessionCookieName))) {
    issues.push(issue(path.key('sessionCookieName'), `${show(spec.sessionCookieName)} is not a cookie name.`,
      "Use letters, digits and !#$%&'*+-.^_`|~ only, or leave it out for 'AWSELBAuthSessionCookie'."));
  }
  checkInt(issues, path.key('sessionTimeoutSeconds'), spec.sessionTimeoutSeconds, 1, 604800, 'Use a value from 1 to 604800 (7 days).');
  checkEnum(issues, path.key('onUnauthenticatedRequest'), spec.onUnauthenticatedRequest, Object.values(UnauthenticatedAction));
  checkExtraParams(spec.authenticationRequestExtraParams, path.key('authenticationRequestExtraParams'), issues);
}

function checkExtraParams(params: unknown, path: SpecPath, issues: SpecIssue[]): void {
  if (params === undefined) return;
  if (!isObject(params)) {
    issues.push(issue(path, `must map parameter names to values, got ${show(params)}.`, "Write for example { prompt: 'login' }."));
    return;
  }
  const entries = sortedEntries(params);
  if (entries.length > MAX_EXTRA_PARAMS) {
    issues.push(issue(path, `${entries.length} parameters exceed AWS's limit of ${MAX_EXTRA_PARAMS}.`, `Keep at most ${MAX_EXTRA_PARAMS}.`));
  }
  for (const [key, value] of entries) {
    const p = path.key(key);
    if (key === 'scope') {
      issues.push(issue(p, 'the scope is not an extra parameter.', 'Set the `scope` field of the authentication instead.'));
    } else if (RESERVED_PARAMS.includes(key)) {
      issues.push(issue(p, `the load balancer sets the parameter '${key}' itself.`, 'Remove it from authenticationRequestExtraParams.'));
    } else if (key.trim() === '') {
      issues.push(issue(p, 'a parameter name is empty.', 'Give each parameter a name.'));
    }
    if (typeof value !== 'string') issues.push(issue(p, `must be a string, got ${show(value)}.`));
  }
}

/** Whether a value is an absolute https:// URL with a host. */
function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && !/\s/.test(value);
  } catch {
    return false;
  }
}
