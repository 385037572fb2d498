import { Annotations, Duration, SecretValue } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { AuthenticateCognitoAction } from 'aws-cdk-lib/aws-elasticloadbalancingv2-actions';
import { Construct } from 'constructs';
import { resolveAuthentication, resolveListeners, resolveRules } from '../private/resolve';
import { ApplicationLoadBalancerSpec } from '../spec/alb';
import { AuthenticationSpec, CognitoUserPoolResources } from '../spec/authentication';
import { RedirectProtocol } from '../spec/enums';
import { ListenerActionSpec } from '../spec/listener-rule';

/** Looks up a Cognito user pool of `ExistingResources.cognitoUserPools` by its name. */
export type CognitoUserPoolLookup = (name: string) => CognitoUserPoolResources;

/**
 * The action `next`, after the authentication the action spec asks for: an OIDC
 * identity provider or a Cognito user pool, or none.
 *
 * Both authenticating actions open the load balancer's security group for outbound
 * HTTPS when they are bound to a listener, so that the load balancer reaches the
 * identity provider; without one, the security group keeps no such egress.
 */
export function withAuthentication(spec: ListenerActionSpec, next: elbv2.ListenerAction, userPool: CognitoUserPoolLookup): elbv2.ListenerAction {
  if (spec.authenticateOidc) {
    const o = spec.authenticateOidc;
    return elbv2.ListenerAction.authenticateOidc({
      next,
      issuer: o.issuer,
      authorizationEndpoint: o.authorizationEndpoint,
      tokenEndpoint: o.tokenEndpoint,
      userInfoEndpoint: o.userInfoEndpoint,
      clientId: o.clientId,
      // A dynamic reference: CloudFormation reads the secret when it deploys.
      clientSecret: SecretValue.secretsManager(o.clientSecretName, { jsonField: o.clientSecretJsonField }),
      ...sessionOptions(o),
    });
  }
  if (spec.authenticateCognito) {
    const pool = userPool(spec.authenticateCognito.userPool);
    return new AuthenticateCognitoAction({
      next,
      userPool: pool.userPool,
      userPoolClient: pool.userPoolClient,
      userPoolDomain: pool.userPoolDomain,
      ...sessionOptions(spec.authenticateCognito),
    });
  }
  return next;
}

function sessionOptions(spec: AuthenticationSpec) {
  const r = resolveAuthentication(spec);
  return {
    scope: r.scope,
    sessionCookieName: r.sessionCookieName,
    sessionTimeout: Duration.seconds(r.sessionTimeoutSeconds),
    onUnauthenticatedRequest: r.onUnauthenticatedRequest,
    authenticationRequestExtraParams: r.authenticationRequestExtraParams,
  };
}

/**
 * Warns about actions that authenticate users and then redirect them to plain HTTP:
 * legal, but the signed-in user's next request travels in clear text.
 */
export function warnAboutAuthentication(scope: Construct, name: string, spec: ApplicationLoadBalancerSpec): void {
  const actions: Array<[string, ListenerActionSpec]> = [
    ...resolveListeners(spec).filter((l) => l.spec.defaultAction).map((l): [string, ListenerActionSpec] => [`The default action of listener '${l.name}'`, l.spec.defaultAction!]),
    ...resolveRules(spec).map((r): [string, ListenerActionSpec] => [`Rule '${r.id}'`, r.spec]),
  ];
  for (const [what, action] of actions) {
    if ((action.authenticateOidc || action.authenticateCognito) && action.redirect?.protocol === RedirectProtocol.HTTP) {
      Annotations.of(scope).addWarningV2('cdk-elb-topology:alb.authenticatedRedirectToHttp',
        `${what} of load balancer '${name}' authenticates users and then redirects them to plain HTTP, where their requests travel in clear text. `
        + 'Redirect to HTTPS unless clear text is intended.');
    }
  }
}
