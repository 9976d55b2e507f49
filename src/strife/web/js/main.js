// The dashboard: filters -> one request per view -> map, truce lane, timeline, table; a row
// or a violation -> the event panel, a truce bar -> the truce panel (in the same place).
// The timeline shows every date under the other filters, so that a brushed range can be
// moved; the map, the table and the truce lane show the brushed range. The map can show
// a truce's violations instead of the events, until that is cleared.

import { ApiError, download, getJSON, query } from "./api.js";
import { h } from "./dom.js";
import { EVENT_TYPES, number, plural } from "./format.js";
import { createMap } from "./map.js";
import { createPanel } from "./panel.js";
import { createTable, pagerText } from "./table.js";
import { createTimeline } from "./timeline.js";
import { createTrucePanel } from "./trucepanel.js";
import { createTruceLane, truceDays, truceName, violationPlaces } from "./truces.js";

const PAGE_SIZE = 50;
const WEEKLY_AFTER_DAYS = 180;
const TEXT_DELAY_MS = 300;
const TRUCE_LIMIT = 500; // the API's largest page

const state = {
  filters: {}, placeId: null, placeName: null, sort: "date", offset: 0, selected: null,
  truce: null, // the truce open in the panel
  truceMap: null, // the truce whose violations the map shows instead of the events
};
let generation = 0; // answers to an older request are dropped
let panelTurn = 0; // likewise for the panel
let firstLoad = true;
let eventPlaces = []; // the map's places of the events, from /api/stats
let openTruce = null; // the truce the panel shows

const $ = (id) => document.getElementById(id);
const form = $("filters");

const map = createMap($("map"), { onPick: pickPlace });
const lane = createTruceLane($("truce-lane"), $("truce-legend"), {
  onSelect: selectTruce,
  onEvent: (id, truceId) => select(id, { fromTruce: truceId }),
});
const timeline = createTimeline($("timeline"), { onBrush: brush, onTail: showTail, onDraw: (g) => lane.setScale(g) });
const table = createTable($("events-table"), { onSelect: select, onSort: sortBy });
const panel = createPanel($("event-panel"), { onClose: () => select(null) });
const trucePanel = createTrucePanel($("event-panel"), {
  onClose: () => select(null),
  onEvent: (id) => select(id, { fromTruce: state.truce }),
  onTruce: selectTruce,
  onMap: showOnMap,
});

function params() {
  const p = { ...state.filters };
  if (state.placeId) p.place_id = state.placeId;
  return p;
}

// The truce lane follows the filters that apply to truces.
function truceParams() {
  const { country, since, until } = state.filters;
  return { country, since, until, limit: TRUCE_LIMIT };
}

function readForm() {
  const data = new FormData(form);
  const filters = {};
  for (const [name, value] of data.entries()) {
    const text = String(value).trim();
    if (text) filters[name] = text;
  }
  state.filters = filters;
  state.offset = 0;
}

async function refresh({ timelineToo = true } = {}) {
  const mine = ++generation;
  const p = params();
  const undated = { ...p, since: null, until: null };
  try {
    const [stats, page, overall, truces] = await Promise.all([
      getJSON("/api/stats", p),
      getJSON("/api/events", { ...p, sort: state.sort, limit: PAGE_SIZE, offset: state.offset }),
      timelineToo ? getJSON("/api/stats", undated) : null,
      getJSON("/api/truces", truceParams()),
    ]);
    if (mine !== generation) return;
    show(stats, page, overall, truces);
    $("status").textContent = "";
  } catch (error) {
    if (mine !== generation) return;
    showError(error);
  }
}

function showError(error) {
  $("status").textContent = error instanceof ApiError ? `Error ${error.status}: ${error.message}` : String(error);
}

function show(stats, page, overall, truces) {
  eventPlaces = stats.by_place;
  drawMap({ fit: firstLoad });
  firstLoad = false;
  if (overall) {
    const span = overall.first_date && overall.last_date
      ? (Date.parse(overall.last_date) - Date.parse(overall.first_date)) / 86400000 : 0;
    const weekly = span > WEEKLY_AFTER_DAYS;
    timeline.setSeries({ unit: weekly ? "week" : "day", buckets: weekly ? overall.by_week : overall.by_day });
    $("timeline-label").textContent = `${plural(overall.total, "event")} with these filters, by ${weekly ? "week" : "day"}`;
  }
  timeline.setSelection(state.filters.since || null, state.filters.until || null);
  lane.setTruces(truces.truces);
  $("truce-label").textContent = truceText(truces);
  table.setPage(page, state.sort);
  $("pager-label").textContent = pagerText(page);
  $("page-prev").disabled = state.offset === 0;
  $("page-next").disabled = page.next_offset === null;
  $("csv-link").href = `/api/events${query({ ...params(), sort: state.sort, limit: 500, format: "csv" })}`;
  $("summary").textContent = summaryText(stats);
}

function summaryText(stats) {
  const parts = [
    plural(stats.total, "event"),
    `${number(stats.contested)} contested`,
    `${number(stats.fatalities.dead)} dead (as reported, summed)`,
    plural(stats.by_place.length, "place"),
  ];
  if (stats.first_date) parts.push(`${stats.first_date} – ${stats.last_date}`);
  return parts.join(" · ");
}

function truceText(page) {
  const undated = page.truces.filter((truce) => !truceDays(truce)).length;
  const parts = [`${plural(page.total, "truce")} with these filters`];
  if (page.total > page.truces.length) parts.push(`the first ${number(page.truces.length)} drawn`);
  if (undated) parts.push(`${number(undated)} without a day, not drawn`);
  return parts.join(" · ");
}

function drawMap({ fit = false } = {}) {
  map.setPlaces(state.truceMap ? violationPlaces(state.truceMap) : eventPlaces, { fit });
}

// The map shows the places of a truce's violations instead of the events (null: the events).
function showOnMap(truce) {
  state.truceMap = truce;
  const chip = $("truce-chip");
  chip.hidden = !truce;
  chip.replaceChildren();
  if (truce) {
    chip.append(`Map: violations of the ${truceName(truce)}`,
      h("button", { type: "button", title: "Show the events", onclick: () => showOnMap(null) }, "×"));
  }
  drawMap({ fit: true });
  if (openTruce && state.truce === openTruce.id) {
    trucePanel.show(openTruce, { mapped: Boolean(truce) && truce.id === openTruce.id });
  }
}

// Early events left off the timeline are said so, with a button to draw all dates.
function showTail(events, hidden, long) {
  const button = $("timeline-all");
  button.hidden = !long;
  button.textContent = hidden ? "All dates" : "Recent dates";
  $("timeline-tail").textContent = hidden ? `${plural(events, "earlier event")} not drawn` : "";
}

function brush(since, until) {
  $("f-since").value = since || "";
  $("f-until").value = until || "";
  readForm();
  refresh({ timelineToo: false });
}

function pickPlace(place) {
  state.placeId = place ? place.geonameid : null;
  state.placeName = place ? `${place.name} (${place.country_code})` : null;
  map.setActive(state.placeId);
  const chip = $("place-chip");
  chip.hidden = !place;
  chip.replaceChildren();
  if (place) {
    chip.append(`Place: ${state.placeName}`,
      h("button", { type: "button", title: "Any place", onclick: () => pickPlace(null) }, "×"));
  }
  state.offset = 0;
  refresh();
}

function sortBy(key) {
  state.sort = state.sort === key ? `-${key}` : key;
  state.offset = 0;
  refresh({ timelineToo: false });
}

// An event in the panel (none: the panel closes); from a truce, with a way back to it.
async function select(id, { fromTruce = null } = {}) {
  const turn = ++panelTurn;
  state.selected = id;
  state.truce = null;
  table.setSelected(id);
  lane.setActive(id ? fromTruce : null);
  if (!id) {
    panel.hide();
    return;
  }
  try {
    const detail = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    if (turn !== panelTurn) return;
    const back = fromTruce ? { label: "the truce", onClick: () => selectTruce(fromTruce) } : null;
    panel.show(detail, { back });
  } catch (error) {
    $("status").textContent = `Cannot show the event: ${error.message}`;
  }
}

async function selectTruce(id) {
  const turn = ++panelTurn;
  state.selected = null;
  state.truce = id;
  table.setSelected(null);
  lane.setActive(id);
  try {
    const truce = await getJSON(`/api/truces/${encodeURIComponent(id)}`);
    if (turn !== panelTurn) return;
    openTruce = truce;
    trucePanel.show(truce, { mapped: state.truceMap !== null && state.truceMap.id === id });
  } catch (error) {
    $("status").textContent = `Cannot show the truce: ${error.message}`;
  }
}

function wire() {
  const select = $("f-event");
  for (const type of EVENT_TYPES) select.append(h("option", { value: type }, type));
  let timer = null;
  form.addEventListener("change", () => {
    readForm();
    refresh();
  });
  form.addEventListener("input", (event) => {
    if (event.target.type !== "search" && event.target.name !== "place") return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      readForm();
      refresh();
    }, TEXT_DELAY_MS);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => {
    readForm();
    if (state.truceMap) showOnMap(null);
    pickPlace(null);
  }));
  $("page-prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE_SIZE);
    refresh({ timelineToo: false });
  });
  $("page-next").addEventListener("click", () => {
    state.offset += PAGE_SIZE;
    refresh({ timelineToo: false });
  });
  $("timeline-all").addEventListener("click", () => timeline.showAllDates($("timeline-all").textContent === "All dates"));
  $("csv-link").addEventListener("click", (event) => {
    event.preventDefault();
    download($("csv-link").getAttribute("href"), "strife-events.csv").catch(showError);
  });
  $("map-fit").addEventListener("click", () => map.fit());
  $("map-world").addEventListener("click", () => map.world());
  $("map-legend").append(...[1, 2, 3, 4].map((q) => h("li", {}, h("span", { class: `swatch q${q}` }), `quad ${q}`)),
    h("li", {}, h("span", { class: "swatch ring" }), "contested"));
}

async function start() {
  wire();
  readForm();
  const world = fetch("/static/world.json").then((r) => r.json());
  await refresh();
  map.setWorld(await world);
  document.body.dataset.ready = "true";
}

start();
