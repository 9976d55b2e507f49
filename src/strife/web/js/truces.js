// The truce lane, above the timeline and on its days: one bar per dated truce, from its
// start (else the day it was agreed) to the day it collapsed or was superseded (else the
// end of the drawn dates); its alleged violations are dots coloured by who alleges them,
// hollow when someone denies them. A click on a bar opens the truce, on a dot its event.
// Truces with no day are not drawn (the label counts them).

import { clear, h, s } from "./dom.js";
import { DAY_MS, QUADS, formatDay, parseDay, sideClass } from "./format.js";
import { MARGIN } from "./timeline.js";

const ROW_PX = 30;
const PAD_PX = 4;
const LABEL_Y = 10;
const BAR_Y = 14;
const BAR_PX = 10;
const TICK_R = 4;
const CHAR_PX = 5.6; // width of a label character, for packing bars into rows
const GAP_PX = 8;
const ENDS = ["collapsed", "superseded"];

// The days a truce covers, as UTC midnights: [from, to] with `to` null when it lasts
// (neither collapsed nor superseded); null when it has no day at all.
export function truceDays(truce) {
  const first = truce.starts || truce.agreed_on;
  if (!first) return null;
  const from = parseDay(first.slice(0, 10));
  const ends = truce.status_history
    .filter((change) => ENDS.includes(change.status) && change.date)
    .map((change) => parseDay(change.date));
  return { from, to: ends.length ? Math.max(from, Math.min(...ends)) : null };
}

// The places of a truce's violations, as the map draws places (stats.by_place), with the
// ids of the events at each.
export function violationPlaces(truce) {
  const places = new Map();
  for (const violation of truce.violations) {
    const site = violation.place;
    if (!site) continue;
    if (!places.has(site.geonameid)) {
      places.set(site.geonameid, {
        geonameid: site.geonameid, name: site.name, country_code: site.country_code,
        lat: site.lat, lon: site.lon, count: 0, contested: 0, dead: 0, quads: [], events: [],
      });
    }
    const place = places.get(site.geonameid);
    place.count += 1;
    if (violation.contested) place.contested += 1;
    place.quads.push(QUADS[violation.event] || 4);
    place.events.push(violation.event_id);
  }
  return [...places.values()].map(({ quads, ...place }) => ({ ...place, quad: mostFrequent(quads) }));
}

function mostFrequent(values) {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) || 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

export function truceName(truce) {
  return `${truce.parties.map((p) => p.code).join("–") || "?"} ${truce.kind}`;
}

export function createTruceLane(svg, legend, { onSelect, onEvent }) {
  let truces = [];
  let scale = null; // the timeline's: { width, t0, t1, x, empty }
  let activeId = null;

  // The timeline's scale, or one made from the truces' own days when it draws no events.
  function geometry() {
    if (scale && !scale.empty) return scale;
    const width = scale ? scale.width : Math.max(200, svg.getBoundingClientRect().width);
    const days = truces.map(truceDays).filter(Boolean);
    const marks = days.flatMap((d) => (d.to === null ? [d.from] : [d.from, d.to]));
    const t0 = marks.length ? Math.min(...marks) : Date.UTC(2000, 0, 1);
    const t1 = (marks.length ? Math.max(...marks) : t0) + DAY_MS;
    const inner = width - MARGIN.left - MARGIN.right;
    return { width, t0, t1, x: (t) => MARGIN.left + ((t - t0) / (t1 - t0)) * inner };
  }

  function draw() {
    clear(svg);
    const g = geometry();
    const left = MARGIN.left;
    const right = g.width - MARGIN.right;
    const at = (t) => Math.min(right, Math.max(left, g.x(t)));
    const rows = []; // the right edge taken in each row
    const bars = [];
    for (const truce of truces) {
      const days = truceDays(truce);
      if (!days) continue;
      const x0 = at(days.from);
      const x1 = Math.max(x0 + 3, days.to === null ? right : at(days.to + DAY_MS));
      const label = truceName(truce);
      const width = label.length * CHAR_PX;
      const labelX = Math.max(left, Math.min(x0, right - width)); // kept inside the lane
      const from = Math.min(x0, labelX);
      let row = rows.findIndex((edge) => edge <= from);
      if (row < 0) row = rows.push(0) - 1;
      rows[row] = Math.max(x1, labelX + width) + GAP_PX;
      bars.push(barFor(truce, days, { x0, x1, labelX, top: PAD_PX + row * ROW_PX }, label, at));
    }
    const height = rows.length ? PAD_PX * 2 + rows.length * ROW_PX : 0;
    svg.toggleAttribute("hidden", !rows.length); // an SVG element has no .hidden
    svg.setAttribute("viewBox", `0 0 ${g.width} ${height}`);
    svg.setAttribute("height", String(height));
    svg.append(...bars);
    drawLegend();
  }

  function barFor(truce, days, { x0, x1, labelX, top }, label, at) {
    const active = truce.id === activeId;
    const group = s("g", {
      class: ["truce", `status-${truce.status.replace(/ /g, "-")}`, active ? "active" : ""]
        .filter(Boolean).join(" "),
      "data-id": truce.id,
    });
    const until = days.to === null ? `${truce.status}, no end known` : `${truce.status} ${formatDay(days.to)}`;
    const open = () => onSelect(truce.id);
    const bar = s("rect", {
      class: "truce-bar",
      x: x0.toFixed(1),
      y: top + BAR_Y,
      width: (x1 - x0).toFixed(1),
      height: BAR_PX,
      rx: 2,
      tabindex: 0,
      role: "button",
      "aria-label": `${label}, from ${formatDay(days.from)}: ${until}`,
      "data-id": truce.id,
      "data-from": formatDay(days.from),
      "data-to": days.to === null ? "" : formatDay(days.to),
      onclick: open,
      onkeydown: (event) => event.key === "Enter" && open(),
    }, s("title", {}, `${label} · from ${formatDay(days.from)} · ${until}`));
    group.append(s("text", { class: "truce-label", x: (labelX + 1).toFixed(1), y: top + LABEL_Y }, label), bar);
    for (const violation of truce.violations) {
      if (!violation.date) continue;
      group.append(tickFor(truce, violation, at(parseDay(violation.date) + DAY_MS / 2), top + BAR_Y + BAR_PX / 2));
    }
    return group;
  }

  function tickFor(truce, violation, x, y) {
    const classes = ["violation-tick", sideClass(violation.accuser)];
    if (violation.contested) classes.push("contested");
    const who = violation.accuser ? `${violation.accuser} accuses ${violation.accused || "?"}` : `${violation.accused || "?"} accused`;
    const where = violation.place ? ` in ${violation.place.name}` : "";
    const tick = s("circle", {
      class: classes.join(" "),
      cx: x.toFixed(1),
      cy: y,
      r: TICK_R,
      "data-event-id": violation.event_id,
      "data-accuser": violation.accuser || "",
    }, s("title", {}, `${violation.date} ${violation.event}${where}: ${who}${violation.contested ? " (denied)" : ""}`));
    tick.addEventListener("click", (event) => {
      event.stopPropagation();
      onEvent(violation.event_id, truce.id);
    });
    return tick;
  }

  function drawLegend() {
    clear(legend);
    const drawn = truces.filter(truceDays).flatMap((t) => t.violations.filter((v) => v.date));
    if (!drawn.length) return;
    const codes = [...new Set(drawn.map((v) => v.accuser || ""))].sort();
    legend.append(h("li", { class: "legend-title" }, "Violations alleged by"));
    for (const code of codes) {
      legend.append(h("li", { "data-code": code }, h("span", { class: `swatch ${sideClass(code)}` }), code || "unknown"));
    }
    legend.append(h("li", {}, h("span", { class: "swatch hollow" }), "contested"));
  }

  return {
    setTruces(next) {
      truces = next;
      draw();
    },
    setScale(next) {
      const same = scale && next.width === scale.width && next.t0 === scale.t0
        && next.t1 === scale.t1 && next.empty === scale.empty;
      scale = next;
      if (!same) draw();
    },
    setActive(id) {
      activeId = id;
      for (const group of svg.querySelectorAll("g.truce")) {
        group.classList.toggle("active", group.dataset.id === id);
      }
    },
  };
}
