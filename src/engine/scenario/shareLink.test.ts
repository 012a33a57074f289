import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment } from './shareLink';
import { TEMPLATES } from './templates';

describe('share links', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s round-trips through a URL fragment, under 3 kB', (_, t) => {
    const s = { ...t.build(), seed: 987654 };
    const fragment = encodeShareFragment(s);
    expect(fragment).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(3000);
    const back = decodeShareFragment(`#${fragment}`);
    expect(back?.ok && back.scenario).toEqual(s);
  });

  it('a damaged link gives a numbered error; a fragment without a scenario gives nothing', () => {
    const bad = decodeShareFragment('#s=AAAA_notdeflate');
    expect(bad?.ok).toBe(false);
    if (bad && !bad.ok) expect(bad.issues[0].code).toBe('E105');
    expect(decodeShareFragment('#other=1')).toBeNull();
  });
});
