import * as cognito from 'aws-cdk-lib/aws-cognito';
import { UnauthenticatedAction } from 'aws-cdk-lib/aws-elasticloadbalancingv2';

/**
 * What OIDC and Amazon Cognito authentication share: the scope, the session and what
 * happens to requests without one. Set through `authenticateOidc` or
 * `authenticateCognito` of a rule or a listener's default action.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html
 */
export interface AuthenticationSpec {
  /**
   * The user claims to request from the identity provider, separated by spaces, for
   * example `openid email profile`. Not empty.
   *
   * @default 'openid'
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html
   */
  readonly scope?: string;

  /**
   * The name of the cookie that keeps the session after a user signs in.
   *
   * Letters, digits and the other characters a cookie name may have:
   * ``!#$%&'*+-.^_`|~``.
   *
   * @default 'AWSELBAuthSessionCookie'
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html
   */
  readonly sessionCookieName?: string;

  /**
   * How long a session lasts before the user must sign in again, in seconds.
   *
   * From 1 to 604800 (7 days).
   *
   * @default 604800
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html
   */
  readonly sessionTimeoutSeconds?: number;

  /**
   * What the load balancer does with a request that has no session: `authenticate`
   * redirects the user to the identity provider to sign in, `allow` forwards the
   * request without the user's claims, and `deny` answers HTTP 401 Unauthorized
   * (for APIs called by scripts rather than browsers).
   *
   * @default UnauthenticatedAction.AUTHENTICATE
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html
   */
  readonly onUnauthenticatedRequest?: UnauthenticatedAction;

  /**
   * Further query parameters of the redirect to the authorization endpoint, for
   * example `{ prompt: 'login' }`.
   *
   * At most 10. The load balancer sets `response_type`, `client_id`, `redirect_uri`,
   * `state` and `nonce` itself, and `scope` comes from `scope`, so none of these may
   * be given here.
   *
   * @default - no further parameters
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html
   */
  readonly authenticationRequestExtraParams?: { [name: string]: string };
}

/**
 * Authenticate users with an identity provider that is compliant with OpenID Connect
 * (OIDC) before the rule's action.
 *
 * The identity provider's client must allow the redirect URL
 * `https://<the load balancer's domain>/oauth2/idpresponse`. The client secret stays in
 * AWS Secrets Manager: the template holds only a dynamic reference to it, which
 * CloudFormation resolves when it deploys.
 *
 * @example
 * const oidc: OidcAuthenticationSpec = {
 *   issuer: 'https://idp.example.com',
 *   authorizationEndpoint: 'https://idp.example.com/authorize',
 *   tokenEndpoint: 'https://idp.example.com/token',
 *   userInfoEndpoint: 'https://idp.example.com/userinfo',
 *   clientId: 'my-client',
 *   clientSecretName: 'web/oidc-client-secret',
 * };
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AuthenticateOidcActionConfig.html
 */
export interface OidcAuthenticationSpec extends AuthenticationSpec {
  /**
   * The OIDC issuer identifier of the identity provider.
   *
   * A full `https://` URL: the protocol, the domain and the path.
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html#oidc-requirements
   */
  readonly issuer: string;

  /**
   * The identity provider's authorization endpoint, where users sign in.
   *
   * A full `https://` URL: the protocol, the domain and the path.
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html#oidc-requirements
   */
  readonly authorizationEndpoint: string;

  /**
   * The identity provider's token endpoint.
   *
   * A full `https://` URL: the protocol, the domain and the path.
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html#oidc-requirements
   */
  readonly tokenEndpoint: string;

  /**
   * The identity provider's user info endpoint.
   *
   * A full `https://` URL: the protocol, the domain and the path.
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html#oidc-requirements
   */
  readonly userInfoEndpoint: string;

  /**
   * The OAuth 2.0 client identifier of the load balancer at the identity provider.
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html#oidc-requirements
   */
  readonly clientId: string;

  /**
   * The name or ARN of the AWS Secrets Manager secret that holds the OAuth 2.0 client
   * secret. The secret itself never appears in the spec or the template.
   *
   * A name is 1 to 512 letters, digits and the characters `/_+=.@-`; a secret in
   * another account needs its full ARN.
   *
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html
   */
  readonly clientSecretName: string;

  /**
   * The key of the client secret when the secret holds a JSON object.
   *
   * @default - the whole secret string is the client secret
   */
  readonly clientSecretJsonField?: string;
}

/**
 * Authenticate users with an Amazon Cognito user pool before the rule's action.
 *
 * The user pool, its app client and its domain are CDK objects passed in
 * `ExistingResources.cognitoUserPools`; the spec names them. The app client needs a
 * client secret, the authorization code grant and the callback URL
 * `https://<the load balancer's domain>/oauth2/idpresponse`.
 *
 * @example
 * const cognito: CognitoAuthenticationSpec = { userPool: 'staff', scope: 'openid email' };
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AuthenticateCognitoActionConfig.html
 */
export interface CognitoAuthenticationSpec extends AuthenticationSpec {
  /**
   * The name of the user pool, a key of `ExistingResources.cognitoUserPools`.
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html
   */
  readonly userPool: string;
}

/**
 * An Amazon Cognito user pool that listener rules authenticate with: the pool, the
 * app client the load balancer signs users in as, and the pool's domain.
 */
export interface CognitoUserPoolResources {
  /** The user pool. */
  readonly userPool: cognito.IUserPool;

  /**
   * The app client of the load balancer: with a client secret, the authorization
   * code grant and the callback URL `https://<the load balancer's domain>/oauth2/idpresponse`.
   */
  readonly userPoolClient: cognito.IUserPoolClient;

  /** The domain of the user pool's sign-in pages (a Cognito prefix or a custom domain). */
  readonly userPoolDomain: cognito.IUserPoolDomain;
}
