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
    // Said in words a user can act on, not the decoder's ("invalid distance", atob's "not correctly encoded").
    const message = (fragment: string) => {
      const v = decodeShareFragment(fragment);
      return v && !v.ok ? v.issues[0].message : '';
    };
    const good = encodeShareFragment(TEMPLATES[0].build()).slice(2);
    expect(message('#s=abc$$$%%%!!!')).toBe('the share link is damaged: it holds characters a share link never has; copy the whole link again');
    expect(message(`#s=${good.slice(0, good.length >> 1)}`)).toBe('the share link is damaged: its scenario is cut short or altered; copy the whole link again');
    expect(message('#s=')).toBe('the share link is damaged: it is empty');
  });
});

describe('published JSON Schema', () => {
  it('public/scenario.schema.json is what the zod schema generates today (npm run schema)', async () => {
    const { readFile } = await import('node:fs/promises');
    const { scenarioJsonSchema } = await import('./jsonSchema');
    const published = JSON.parse(await readFile(new URL('../../../public/scenario.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
    expect(published.properties.calendar).toBeDefined();
    expect(published.required).toContain('cohorts');
  });

  it('a scenario file may carry a $schema key for editors', async () => {
    const { parseScenarioText } = await import('./validate');
    const s = TEMPLATES[0].build();
    const v = parseScenarioText(JSON.stringify({ $schema: './scenario.schema.json', ...s }));
    expect(v.ok && v.scenario).toEqual(s);
  });

  it("a scenario shared mid-edit (a custom column's typo) comes back as a draft with its problem; one failing the schema does not", () => {
    const s = TEMPLATES[0].build();
    const typo = decodeShareFragment(`#${encodeShareFragment({ ...s, customColumns: [{ table: 'orders', name: 'fee', kind: 'expression', expression: 'subtota > 1' }] })}`);
    expect(typo?.ok).toBe(false);
    if (typo && !typo.ok) {
      expect(typo.issues.map((i) => i.code)).toEqual(['E131']);
      expect(typo.draft?.customColumns?.[0]).toMatchObject({ expression: 'subtota > 1' });
      expect(typo.draft?.cohorts).toEqual(s.cohorts);
    }
    const outOfRange = decodeShareFragment(`#${encodeShareFragment({ ...s, seed: -1 })}`);
    expect(outOfRange && !outOfRange.ok && outOfRange.draft).toBeUndefined();
  });
});

