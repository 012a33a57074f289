import { en } from '@faker-js/faker';

/**
 * Word lists from Faker's English locale data, read once. Drawing indices into these
 * lists with the seeded stream is ~100× faster than calling Faker per row, and the
 * lists hold real names (Faker's city generator invents them). Faker is pinned in
 * package.json because its lists change between versions.
 */
/** A Faker locale list, checked and without repeats (also for custom columns' word lists). */
export function list(value: unknown, what: string): readonly string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return Object.freeze([...new Set(value)]);
  throw new Error(`Faker locale data has no list for ${what}`);
}

const person = en.person as { first_name: { generic: string[]; female: string[]; male: string[] }; last_name: { generic: string[] } };
const location = en.location as { city_name: string[] };
const commerce = en.commerce as { product_name: { adjective: string[]; material: string[]; product: string[] } };
const company = en.company as { legal_entity_type: string[] };
const internet = en.internet as { free_email: string[] };

// Faker's generic list holds only 232 names; with the gendered lists there are ~3,200.
export const FIRST_NAMES = list([...person.first_name.generic, ...person.first_name.female, ...person.first_name.male], 'first names');
export const LAST_NAMES = list(person.last_name.generic, 'last names');
export const CITIES = list(location.city_name, 'cities');
export const PRODUCT_ADJECTIVES = list(commerce.product_name.adjective, 'product adjectives');
export const PRODUCT_MATERIALS = list(commerce.product_name.material, 'product materials');
export const PRODUCT_NOUNS = list(commerce.product_name.product, 'product nouns');
export const COMPANY_SUFFIXES = list(company.legal_entity_type, 'company suffixes');
export const EMAIL_DOMAINS = list(internet.free_email, 'email domains');
