// Names, colours and formats shared by the views.

export const EVENT_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

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
