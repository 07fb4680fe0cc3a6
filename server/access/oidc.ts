import type { OidcConfig } from './access-config';
import type { OidcSignIn } from './access.routes';

/** Sign-in through the configured OpenID provider (openid-client): discovery, PKCE, state and nonce. */
export async function discoverOidc(config: OidcConfig): Promise<OidcSignIn> {
  throw new Error(`OpenID Connect sign-in is not built yet (${config.issuer})`);
}
