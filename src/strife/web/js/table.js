// The events table: one row per event of the current page, sortable by clicking a heading.
// Contested events carry a badge and a coloured edge.

import { clear, h } from "./dom.js";
import { actorText, placeText, plural } from "./format.js";

export function createTable(table, { onSelect, onSort }) {
  const body = table.querySelector("tbody");
  let selectedId = null;

  for (const th of table.querySelectorAll("th[data-sort]")) {
    th.addEventListener("click", () => onSort(th.dataset.sort));
  }

  function row(event) {
    const claims = event.claims.map((c) => `${c.stance === "denies" ? "✗" : "✓"} ${c.by}`);
    const tr = h("tr", {
      class: ["event-row", event.contested ? "contested" : "", event.id === selectedId ? "selected" : ""]
        .filter(Boolean).join(" "),
      "data-id": event.id,
      tabindex: 0,
    },
    h("td", {}, event.date || "?"),
    h("td", {},
      h("span", { class: "type" }, h("span", { class: `swatch q${event.quad_code}` }), event.event),
      event.mode ? h("div", { class: "mode" }, event.mode) : null,
      event.aux ? h("span", { class: "badge aux" }, event.aux) : null),
    h("td", { class: "code", title: event.actor.map((a) => a.entity_text).join("; ") }, actorText(event.actor)),
    h("td", { class: "code", title: event.recipient.map((a) => a.entity_text).join("; ") }, actorText(event.recipient)),
    h("td", {}, placeText(event.event_loc)),
    h("td", {}, event.size.dead ? String(event.size.dead.min) : ""),
    h("td", {},
      event.contested ? h("span", { class: "badge contested" }, "contested") : null,
      claims.length ? h("div", { class: "mode" }, claims.join(" · ")) : null),
    h("td", {}, event.confidence.toFixed(2)));
    const pick = () => onSelect(event.id);
    tr.addEventListener("click", pick);
    tr.addEventListener("keydown", (e) => e.key === "Enter" && pick());
    return tr;
  }

  return {
    setPage(page, sort) {
      clear(body);
      for (const event of page.items) body.append(row(event));
      if (!page.items.length) {
        body.append(h("tr", {}, h("td", { colspan: 8, class: "empty" }, "No events match these filters.")));
      }
      for (const th of table.querySelectorAll("th[data-sort]")) {
        const key = th.dataset.sort;
        const state = sort === key ? "ascending" : sort === `-${key}` ? "descending" : null;
        if (state) th.setAttribute("aria-sort", state);
        else th.removeAttribute("aria-sort");
      }
    },
    setSelected(id) {
      selectedId = id;
      for (const tr of body.querySelectorAll("tr.event-row")) {
        tr.classList.toggle("selected", tr.dataset.id === id);
      }
    },
  };
}

export function pagerText(page) {
  if (!page.total) return "no events";
  const first = page.offset + 1;
  const last = page.offset + page.items.length;
  return `${first}–${last} of ${plural(page.total, "event")}`;
}
