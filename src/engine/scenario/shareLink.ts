import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { ScenarioIssue } from './errors';
import type { Scenario } from './schema';
import { parseScenarioText, type Validation } from './validate';

/** The URL fragment key that carries a shared scenario. */
export const SHARE_KEY = 's';

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
  let text: string;
  try {
    text = strFromU8(inflateSync(fromBase64Url(value)));
  } catch (e) {
    const issue: ScenarioIssue = { code: 'E105', field: '', message: `the share link is damaged (${(e as Error).message})` };
    return { ok: false, issues: [issue] };
  }
  return parseScenarioText(text);
}
