/** Where the sign-in page lives; outside every cluster's shell. */
export const SIGN_IN_PATH = 'sign-in';

/**
 * The local path to go back to after signing in: only a path of this app, so a crafted link
 * cannot send a freshly signed-in user to another site.
 */
export function safeReturnUrl(returnUrl: string | undefined): string {
  return returnUrl?.startsWith('/') && !returnUrl.startsWith('//') && !returnUrl.startsWith(`/${SIGN_IN_PATH}`) ? returnUrl : '/';
}
