// The event panel: the sentence with actor, recipient, place, date and trigger highlighted,
// who asserts and who denies the event, and where the article came from. Opened from a
// truce, it has a button back to it.

import { clear, h } from "./dom.js";
import { QUAD_NAMES, actorText, safeUrl } from "./format.js";

// When spans overlap, the first role here names the highlight (all roles style it).
const PRIORITY = ["trigger", "actor", "recipient", "place", "date", "dead", "injured", "arrested", "denies", "asserts"];
const ROLE_NAMES = {
  trigger: "event words", actor: "actor", recipient: "recipient", place: "place", date: "date",
  dead: "dead", injured: "injured", arrested: "arrested", asserts: "asserts", denies: "denies",
};

export function createPanel(panel, { onClose }) {
  function show(detail, { back = null } = {}) {
    const { event, article, evidence, excerpts } = detail;
    clear(panel);
    panel.hidden = false;
    const parts = [
      h("button", { type: "button", class: "close", title: "Close", onclick: onClose }, "×"),
      back ? h("button", { type: "button", class: "back", id: "panel-back", onclick: back.onClick }, `← ${back.label}`) : null,
      h("h2", {}, h("span", { class: "type" }, h("span", { class: `swatch q${event.quad_code}` }), event.event),
        event.mode ? h("span", { class: "mode" }, ` ${event.mode}`) : null),
      h("p", { class: "meta" }, metaLine(event)),
      event.contested ? contestedBanner(event) : null,
      h("blockquote", { class: "passage", id: "evidence" }, excerptsOf(excerpts, evidence)),
      legend(evidence),
      fields(event),
      claimsList(event),
      sourceLine(event, article),
    ];
    panel.append(...parts.flat().filter(Boolean));
  }
  return {
    show,
    hide() {
      panel.hidden = true;
      clear(panel);
    },
  };
}

function metaLine(event) {
  const when = event.date
    ? `${event.date}${event.date_text ? ` (“${event.date_text}”)` : ` (${event.date_source || "no date"})`}`
    : "no date";
  const marker = event.aux ? ` · ${event.aux}` : "";
  return `${when} · quad ${event.quad_code} ${QUAD_NAMES[event.quad_code]}${marker} · confidence ${event.confidence.toFixed(2)}`;
}

function contestedBanner(event) {
  const deniers = event.claims.filter((c) => c.stance === "denies").map((c) => c.by);
  return h("div", { class: "contested-banner" },
    h("span", { class: "badge contested" }, "contested"), ` denied by ${deniers.join(", ") || "?"}`);
}

// The excerpts in text order; "…" stands for the text left out between two of them.
function excerptsOf(excerpts, evidence) {
  return excerpts.flatMap((excerpt, i) => [
    i > 0 ? h("span", { class: "gap", title: "text left out" }, " … ") : null,
    h("span", { class: "excerpt" }, highlighted(excerpt, evidence)),
  ]);
}

// Cut an excerpt at every span boundary; each piece is marked with every role covering it.
function highlighted(passage, evidence) {
  const spans = evidence
    .map((span) => ({ ...span, start: span.start - passage.start, end: span.end - passage.start }))
    .filter((span) => span.start >= 0 && span.end <= passage.text.length);
  const cuts = [...new Set([0, passage.text.length, ...spans.flatMap((sp) => [sp.start, sp.end])])]
    .sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const text = passage.text.slice(from, to);
    const covering = spans.filter((sp) => sp.start <= from && sp.end >= to);
    if (!covering.length) {
      pieces.push(text);
      continue;
    }
    const roles = [...new Set(covering.map((sp) => sp.role))]
      .sort((a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b));
    pieces.push(h("mark", {
      class: ["hl", ...roles.map((role) => `role-${role}`)].join(" "),
      "data-role": roles[0],
      title: covering.map((sp) => `${ROLE_NAMES[sp.role] || sp.role}: ${sp.label}`).join("\n"),
    }, text));
  }
  return pieces;
}

function legend(evidence) {
  const roles = [...new Set(evidence.map((span) => span.role))]
    .sort((a, b) => PRIORITY.indexOf(a) - PRIORITY.indexOf(b));
  return h("ul", { class: "roles" },
    roles.map((role) => h("li", {}, h("mark", { class: `hl role-${role}` }, ROLE_NAMES[role] || role))));
}

function fields(event) {
  const loc = event.event_loc;
  const size = ["dead", "injured", "arrested"]
    .filter((k) => event.size[k])
    .map((k) => `${k} ${event.size[k].min} (“${event.size[k].text}”)`);
  const rows = [
    ["Actor", describe(event.actor)],
    ["Recipient", describe(event.recipient)],
    ["Place", loc ? `${loc.resolved_place}${loc.admin1 ? `, ${loc.admin1}` : ""} (${loc.country_code}) · ${loc.lat.toFixed(2)}, ${loc.lon.toFixed(2)} · GeoNames ${loc.geonameid}` : "—"],
    ["Casualties", size.join("; ") || "—"],
    ["Context", event.context.join(", ") || "—"],
  ];
  return h("dl", { class: "fields" }, rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function describe(refs) {
  if (!refs.length) return "—";
  return refs.map((ref) => `${ref.entity_text} (${actorText([ref])}${ref.name ? `, ${ref.name}` : ""})`).join("; ");
}

function claimsList(event) {
  if (!event.claims.length) return h("p", { class: "hint" }, "No one is quoted asserting or denying this event.");
  return [
    h("h3", {}, "Who says so"),
    h("ul", { class: "claims" }, event.claims.map((claim) => h("li", { class: claim.stance },
      h("span", { class: "stance" }, claim.stance),
      claim.by,
      claim.code ? h("span", { class: "mode" }, ` (${[claim.code, claim.sector].filter(Boolean).join(" ")})`) : null,
      h("div", { class: "mode" }, `“${claim.text}”`)))),
  ];
}

function sourceLine(event, article) {
  const cite = event.cite_info;
  const url = safeUrl(cite.url || article.url || "");
  const title = cite.title || article.title || article.source;
  const where = [cite.publication || article.publication, cite.published || article.published]
    .filter(Boolean).join(", ");
  return [
    h("h3", {}, "Source"),
    h("p", { class: "source" },
      url ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer", id: "source-link" }, title)
        : h("span", { id: "source-link" }, title),
      where ? ` — ${where}` : "",
      url ? null : h("span", { class: "mode" }, ` (${article.source})`)),
    h("p", { class: "hint" },
      h("a", { href: `/api/events/${encodeURIComponent(event.id)}`, target: "_blank" }, "event JSON"), " · ",
      h("a", { href: `/api/articles/${encodeURIComponent(event.article_id)}`, target: "_blank" }, "article JSON")),
  ];
}
