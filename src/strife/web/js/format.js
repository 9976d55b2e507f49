// Names, colours and formats shared by the views.

export const EVENT_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

// The quad of each type (strife.plover.QUAD).
export const QUADS = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3,
  PROTEST: 4, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};

export const QUAD_NAMES = {
  1: "verbal cooperation",
  2: "material cooperation",
  3: "verbal conflict",
  4: "material conflict",
};

export function number(n) {
  return n.toLocaleString("en");
}

export function plural(n, word) {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

export function actorText(refs) {
  return refs
    .map((ref) => [ref.code, ref.sector].filter(Boolean).join(" ") || ref.entity_text)
    .join(", ");
}

export function placeText(loc) {
  if (!loc) return "";
  return `${loc.resolved_place} (${loc.country_code})`;
}

// Days as UTC midnights, so that no time zone shifts a date.
export function parseDay(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

export function formatDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export const DAY_MS = 86400000;

// Only web links are followed from article metadata.
export function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

// A colour class per actor code ("side-0" ... "side-11" in style.css): the same for a code
// on every page and under every filter ("side-none" for no code). A multiplicative hash,
// its multiplier picked so that the two sides of the wars most in the news (ARM and AZE,
// RUS and UKR, ISR and PSE, IND and PAK, ...) differ.
const SIDE_COLOURS = 12;

export function sideClass(code) {
  if (!code) return "side-none";
  let hash = 7;
  for (const char of code) hash = (hash * 74 + char.charCodeAt(0)) % 100003;
  return `side-${hash % SIDE_COLOURS}`;
}
