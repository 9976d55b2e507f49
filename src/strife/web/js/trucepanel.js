// The truce panel (in the event panel's place and style): kind, parties, mediators, days,
// place, scope, terms, status and its history, the words every field was read from, and
// the alleged violations, each a button that opens its event. A button restricts the map
// to the places of the violations.

import { clear, h } from "./dom.js";
import { sideClass } from "./format.js";
import { truceName } from "./truces.js";

export function createTrucePanel(panel, { onClose, onEvent, onTruce, onMap }) {
  function show(truce, { mapped = false } = {}) {
    clear(panel);
    panel.hidden = false;
    panel.append(...[
      h("button", { type: "button", class: "close", title: "Close", onclick: onClose }, "×"),
      h("h2", { class: "truce-title" }, truce.kind,
        h("span", { class: `badge status status-${truce.status.replace(/ /g, "-")}` }, truce.status)),
      h("p", { class: "meta" }, metaLine(truce)),
      fields(truce, onTruce),
      termsList(truce),
      historyList(truce),
      quotes(truce),
      violationsList(truce, onEvent),
      h("p", { class: "truce-tools" },
        h("button", {
          type: "button",
          id: "truce-map",
          disabled: !mapped && !truce.violations.some((v) => v.place),
          onclick: () => onMap(mapped ? null : truce),
        }, mapped ? "Show all events on map" : "Show violations on map")),
      h("p", { class: "hint" },
        h("a", { href: `/api/truces/${encodeURIComponent(truce.id)}`, target: "_blank" }, "truce JSON")),
    ].flat().filter(Boolean));
  }
  return {
    show,
    hide() {
      panel.hidden = true;
      clear(panel);
    },
  };
}

function metaLine(truce) {
  const parts = [truceName(truce)];
  if (truce.ordinal) parts.push(`truce no. ${truce.ordinal} of the war`);
  if (truce.historical) parts.push(`historical${truce.year ? ` (${truce.year})` : ""}`);
  parts.push(`${truce.n_sources} source${truce.n_sources === 1 ? "" : "s"}`);
  return parts.join(" · ");
}

function who(parties) {
  if (!parties.length) return "—";
  return parties.map((p) => (p.name ? `${p.name} (${p.code})` : p.code)).join("; ");
}

function site(place) {
  if (!place) return "—";
  return `${place.name} (${place.country_code}) · ${place.lat.toFixed(2)}, ${place.lon.toFixed(2)} · GeoNames ${place.geonameid}`;
}

function day(value, evidence) {
  if (!value) return evidence ? `no day (“${evidence.text}”)` : "—";
  const [date, time] = value.split("T");
  const text = time ? `${date} ${time} local time` : date;
  return evidence ? `${text} (“${evidence.text}”)` : text;
}

function fields(truce, onTruce) {
  const next = truce.superseded_by;
  const rows = [
    ["Parties", who(truce.parties)],
    ["Mediators", who(truce.mediators)],
    ["Agreed", day(truce.agreed_on, truce.evidence.agreed_on)],
    ["Starts", day(truce.starts, truce.evidence.starts)],
    ["Ends", day(truce.ends, truce.evidence.ends)],
    ["Agreed in", site(truce.place)],
    ["Applies to", site(truce.scope)],
    ["Status", [truce.status, ...(next ? [" by ", h("button", {
      type: "button", class: "truce-link", "data-id": next, title: "Show that truce", onclick: () => onTruce(next),
    }, "the next truce")] : [])]],
  ];
  return h("dl", { class: "fields truce-fields" }, rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function termsList(truce) {
  if (!truce.terms.length) return null;
  return [
    h("h3", {}, "Terms"),
    h("ul", { class: "terms" }, truce.terms.map((term) => h("li", {}, term.text,
      term.evidence.text !== term.text ? h("div", { class: "mode" }, `“${term.evidence.text}”`) : null))),
  ];
}

function historyList(truce) {
  return [
    h("h3", {}, "Status history"),
    h("ol", { class: "history" }, truce.status_history.map((change) => h("li", {},
      h("span", { class: "history-date" }, change.date || "no day"), " ",
      h("span", { class: `badge status status-${change.status.replace(/ /g, "-")}` }, change.status),
      change.evidence ? h("span", { class: "mode" }, ` “${change.evidence.text}”`) : null))),
  ];
}

// The words of every report merged into the truce, and of its terms.
function quotes(truce) {
  const seen = new Set();
  const words = [...truce.evidence.mentions, ...truce.terms.map((t) => t.evidence)]
    .filter((e) => {
      const key = `${e.article_id}:${e.start}:${e.end}`;
      return seen.has(key) ? false : seen.add(key);
    });
  if (!words.length) return null;
  return [
    h("h3", {}, "Evidence"),
    h("ul", { class: "quotes" }, words.map((e) => h("li", {},
      h("q", {}, e.text),
      h("a", { class: "mode", href: `/api/articles/${encodeURIComponent(e.article_id)}`, target: "_blank" }, ` article ${e.article_id}`)))),
  ];
}

function violationsList(truce, onEvent) {
  if (!truce.violations.length) {
    return [h("h3", {}, "Alleged violations"), h("p", { class: "hint" }, "No alleged violation is known.")];
  }
  return [
    h("h3", {}, `Alleged violations (${truce.violations.length})`),
    h("ul", { class: "violations" }, truce.violations.map((v) => h("li", { class: v.contested ? "contested" : "" },
      h("button", {
        type: "button",
        class: "violation-link",
        "data-event-id": v.event_id,
        title: "Show the event",
        onclick: () => onEvent(v.event_id),
      },
      h("span", { class: `swatch ${sideClass(v.accuser)}${v.contested ? " hollow" : ""}` }),
      `${v.date || "no day"} ${v.event}${v.place ? ` · ${v.place.name}` : ""}`),
      h("span", { class: "mode" },
        ` ${v.accuser ? `${v.accuser} accuses ${v.accused || "?"}` : `${v.accused || "?"} accused`}`,
        v.explicit ? " · called a violation" : "",
        v.contested ? " · " : "",
        v.contested ? h("span", { class: "badge contested" }, "contested") : null),
      h("div", { class: "mode" }, `“${v.evidence.text}”`)))),
  ];
}
