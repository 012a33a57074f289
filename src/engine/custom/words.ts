import { en } from '@faker-js/faker';
import type { WORD_LISTS } from '../scenario/customColumns';
import { CITIES, COMPANY_SUFFIXES, FIRST_NAMES, LAST_NAMES, list } from '../vocabulary';

type WordList = (typeof WORD_LISTS)[number];

const data = en as unknown as Record<string, Record<string, unknown>>;
const nested = (section: string, ...path: string[]) => path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], data[section]);

/** Every combination of the parts, in order ("Senior" "Brand" "Planner" → "Senior Brand Planner"). */
function combine(...parts: readonly (readonly string[])[]): string[] {
  return parts.reduce<string[]>((acc, list) => acc.flatMap((a) => list.map((w) => (a ? `${a} ${w}` : w))), ['']);
}

const BUILDERS: Record<WordList, () => readonly string[]> = {
  job_title: () => combine(list(nested('person', 'job_descriptor'), 'job descriptors'), list(nested('person', 'job_area'), 'job areas'), list(nested('person', 'job_type'), 'job types')),
  colour: () => list(nested('color', 'human'), 'colours'),
  company: () => combine(LAST_NAMES, COMPANY_SUFFIXES),
  department: () => list(nested('commerce', 'department'), 'departments'),
  country: () => list(nested('location', 'country'), 'countries'),
  us_state: () => list(nested('location', 'state'), 'states'),
  city: () => CITIES,
  first_name: () => FIRST_NAMES,
  last_name: () => LAST_NAMES,
  car_maker: () => list(nested('vehicle', 'manufacturer'), 'car makers'),
  material: () => list(nested('commerce', 'product_name', 'material'), 'materials'),
  dish: () => list(nested('food', 'dish'), 'dishes'),
  adjective: () => list(nested('word', 'adjective'), 'adjectives'),
};

const built = new Map<WordList, readonly string[]>();

/** A word list from Faker's English locale data, built once. */
export function wordList(name: WordList): readonly string[] {
  let list = built.get(name);
  if (!list) {
    list = Object.freeze(BUILDERS[name]());
    built.set(name, list);
  }
  return list;
}
