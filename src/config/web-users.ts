import { WEB_USER as USER } from './trusted-header.js';

/**
 * SCO_WEB_USERS: "alice:<token>,bob:<token>", a token per person for the web console and /api, so an
 * approval made there is made by whoever holds the token, not by whatever name the page was given.
 * Returns token → user; problems are collected, never thrown one at a time.
 */
export function parseWebUsers(raw: string | undefined, problems: string[]): Map<string, string> | undefined {
  if (!raw?.trim()) return undefined;
  const users = new Map<string, string>();
  const names = new Set<string>();
  for (const [i, pair] of raw.split(',').entries()) {
    const at = pair.indexOf(':');
    const name = pair.slice(0, at).trim();
    const token = pair.slice(at + 1).trim();
    const where = `SCO_WEB_USERS entry ${i + 1}`;
    if (at < 0 || !USER.test(name)) problems.push(`${where}: write "name:token", the name 1-64 letters, digits, . _ @ -`);
    else if (token.length < 16) problems.push(`${where} (${name}): the token must be at least 16 characters; use a long random string`);
    else if (users.has(token))
      problems.push(`${where} (${name}): the same token is already ${users.get(token)}'s; give each person their own`);
    else if (names.has(name)) problems.push(`${where}: ${name} is listed twice`);
    else {
      users.set(token, name);
      names.add(name);
    }
  }
  return users;
}
