// A service account's OAuth 2.0 client credentials in the wizard (issue 18): offered where the
// deployment has them (the core's `Detection.clientCredentialsPlan`: Cloud, Data Center 11 and
// later) and the integration's form takes them (`ShellFacts.targets[].clientCredentials`), else
// "not supported by this integration". A test asks exactly the origins protocol.js
// `clientCredentialsOrigins` derives from the core's Cloud families: the site, and on Cloud the
// family's authorization server and gateway. The client secret is the form's secret (state.js
// `secrets`); the access token it buys stays in the core (scrubbed from every result).

import { facts } from '../facts.js';
import { clientCredentialsOrigins } from '../protocol.js';
/** @import { AuthChoice, AuthPlan, Detection } from '../pkg/jira_token_wizard.js' */

/** The form's choice (`AuthChoice`) for client credentials. */
export const CLIENT_CREDENTIALS = 'client-credentials';

/**
 * The self-managed Jira's plan offers no password (Jira 11 and later turn Basic off by
 * default: the core's plan lists it neither as the method nor as an alternative).
 * @param {Detection} detection
 */
export function passwordOffered(detection) {
  const plan = detection.authPlan;
  if (detection.deployment?.hosting !== 'self-managed' || !plan) return true;
  return plan.method === 'basic' || plan.alternatives.includes('basic');
}

/**
 * Client credentials for `detection` and `target`, with the form's choice `auth`.
 * `auth`: the choice in effect — the form's, but `auto` where the menu does not offer it.
 * @param {Detection} detection
 * @param {string} target
 * @param {AuthChoice} chosen  the form's choice
 * @param {boolean} dictated  the target sends its own method whatever the form says
 * @returns {{plan: AuthPlan | null, takes: boolean, auth: AuthChoice, active: boolean,
 *   origins: {site: string | null, auth: string | null, gateway: string | null} | null}}
 */
export function serviceAccount(detection, target, chosen, dictated) {
  const plan = detection.clientCredentialsPlan ?? null;
  const takes = Boolean(plan && facts().targets.find((x) => x.id === target)?.clientCredentials);
  const refused =
    (chosen === CLIENT_CREDENTIALS && (!takes || dictated)) || (chosen === 'basic' && !passwordOffered(detection));
  /** @type {AuthChoice} */
  const auth = refused ? 'auto' : chosen;
  const active = auth === CLIENT_CREDENTIALS;
  return {
    plan,
    takes,
    auth,
    active,
    origins: active ? clientCredentialsOrigins(detection, facts().cloudFamilies) : null,
  };
}
