import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import type { ScenarioIssue } from './errors';
import { withCommas } from './fields';
import type { Scenario } from './schema';
import { parseScenarioText, type Validation } from './validate';

/** The URL fragment key that carries a shared scenario. */
export const SHARE_KEY = 's';

/** A scenario is a few kB of JSON; a link that inflates past this is refused unread (a zip bomb). */
export const MAX_SHARED_BYTES = 256 * 1024;
/** Base64 of the compressed scenario: far more than any real scenario needs. */
const MAX_FRAGMENT_CHARS = 64 * 1024;

/** Why a link was refused, in words a user can act on (the inflater's own, "invalid distance", are not). */
class DamagedLink extends Error {}

/** Inflates at most MAX_SHARED_BYTES, stopping as soon as the output passes it. */
function inflateCapped(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_SHARED_BYTES) throw new DamagedLink(`it inflates past ${MAX_SHARED_BYTES / 1024} KiB; a scenario is a few kB`);
    parts.push(chunk);
  });
  const STEP = 4096;
  for (let at = 0; at < bytes.length; at += STEP) inflate.push(bytes.subarray(at, at + STEP), at + STEP >= bytes.length);
  if (bytes.length === 0) throw new DamagedLink('it is empty');
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A scenario as a compact URL fragment: `s=` + base64url(deflate(JSON)). */
export function encodeShareFragment(scenario: Scenario): string {
  return `${SHARE_KEY}=${toBase64Url(deflateSync(strToU8(JSON.stringify(scenario)), { level: 9 }))}`;
}

/** Reads a fragment made by encodeShareFragment; a damaged link gives numbered issues, never a half scenario. */
export function decodeShareFragment(fragment: string): Validation | null {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const value = params.get(SHARE_KEY);
  if (value === null) return null;
  const refused = (message: string): Validation => ({ ok: false, issues: [{ code: 'E105', field: '', message } satisfies ScenarioIssue] });
  const damaged = (why: string) => refused(`the share link is damaged: ${why}`);
  if (value.length > MAX_FRAGMENT_CHARS) return refused(`the share link is too long (${withCommas(value.length)} characters); a scenario link is a few thousand`);
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return damaged('it holds characters a share link never has; copy the whole link again');
  let text: string;
  try {
    text = strFromU8(inflateCapped(fromBase64Url(value)));
  } catch (e) {
    return damaged(e instanceof DamagedLink ? e.message : 'its scenario is cut short or altered; copy the whole link again');
  }
  return parseScenarioText(text);
}
