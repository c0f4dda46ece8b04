// Which expiry date goes with a token test and with the opt-in to remember it (issue 19): pure
// functions of the state's `remember` slice and the result, read by render.js and the actions.

/** @import { CheckResult, RememberedConnection } from '../pkg/jira_token_wizard.js' */
/** @import { RememberState } from './actions/remember.js' */

/**
 * The remembered connection for this origin, login and target, if any.
 * @param {RememberState} rs
 * @param {string | null} origin
 * @param {string} login
 * @param {string} target
 * @returns {RememberedConnection | null}
 */
export function rememberedFor(rs, origin, login, target) {
  const found = rs.list.find(
    ({ connection: c }) => c.origin === origin && c.login === login.trim() && c.target === target,
  );
  return found?.connection ?? null;
}

/**
 * The expiry date that goes with a token test of this Jira: the one given in step 2 for it,
 * else the one remembered for this connection, else null.
 * @param {RememberState} rs
 * @param {string | null} origin
 * @param {string} login
 * @param {string} target
 */
export function expiryFor(rs, origin, login, target) {
  if (rs.date && rs.dateOrigin === origin) return rs.date;
  return rememberedFor(rs, origin, login, target)?.expiresOn ?? null;
}

/**
 * The date the opt-in would keep: a Data Center PAT's `expiringAt` as Jira listed it, else the
 * test's; '' when none.
 * @param {RememberState} rs
 * @param {CheckResult | null} result
 * @param {string | null} origin
 * @param {string} login
 * @param {string} target
 */
export function offeredDate(rs, result, origin, login, target) {
  return result?.tokenExpiry?.date ?? expiryFor(rs, origin, login, target) ?? '';
}
