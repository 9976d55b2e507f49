// The timeline: events per day (per week over long spans) as bars. Dragging across it
// selects a date range (the "brush"), which filters the map and the table; a click clears it.
// Each drawing hands its days and width to onDraw, so that the truce lane lines up with it.

import { clear, s } from "./dom.js";
import { DAY_MS, formatDay, parseDay, plural } from "./format.js";

const HEIGHT = 130;
export const MARGIN = { left: 34, right: 10, top: 8, bottom: 22 };
const CLICK_PX = 4;
// A thin early tail ("the 1992 war") would squeeze the news into a sliver: leading buckets
// holding at most this share of the events, over more than half the span, are left out
// unless "all dates" is asked for.
const TAIL_SHARE = 0.02;

export function createTimeline(svg, { onBrush, onTail, onDraw = () => {} }) {
  let series = { unit: "day", buckets: [] };
  let shown = [];
  let allDates = false;
  let selection = null; // [sinceMs, untilMs] inclusive days, or null
  let drag = null;

  function focus() {
    const step = series.unit === "week" ? 7 * DAY_MS : DAY_MS;
    const buckets = series.buckets;
    const total = buckets.reduce((sum, b) => sum + b.count, 0);
    let cut = 0;
    for (let sum = 0; cut < buckets.length && sum + buckets[cut].count <= total * TAIL_SHARE; cut += 1) {
      sum += buckets[cut].count;
    }
    const span = (b) => parseDay(b.key);
    const whole = buckets.length ? span(buckets[buckets.length - 1]) + step - span(buckets[0]) : 0;
    const tail = cut && cut < buckets.length ? span(buckets[cut]) - span(buckets[0]) : 0;
    const drop = !allDates && tail > whole / 2 ? cut : 0;
    shown = buckets.slice(drop);
    svg.dataset.hidden = String(drop);
    onTail(buckets.slice(0, cut).reduce((sum, b) => sum + b.count, 0), drop > 0, cut > 0 && tail > whole / 2);
  }

  function geometry() {
    const width = Math.max(200, svg.getBoundingClientRect().width);
    const days = shown.map((b) => parseDay(b.key));
    const step = series.unit === "week" ? 7 * DAY_MS : DAY_MS;
    const t0 = days.length ? Math.min(...days) : Date.UTC(2000, 0, 1);
    const t1 = days.length ? Math.max(...days) + step : t0 + step;
    const inner = width - MARGIN.left - MARGIN.right;
    const x = (t) => MARGIN.left + ((t - t0) / (t1 - t0)) * inner;
    const t = (px) => t0 + ((px - MARGIN.left) / inner) * (t1 - t0);
    return { width, t0, t1, step, x, t };
  }

  function draw() {
    clear(svg);
    const g = geometry();
    svg.setAttribute("viewBox", `0 0 ${g.width} ${HEIGHT}`);
    const max = Math.max(1, ...shown.map((b) => b.count));
    const bottom = HEIGHT - MARGIN.bottom;
    const barWidth = Math.max(2, g.x(g.t0 + g.step) - g.x(g.t0) - 1);
    svg.classList.toggle("has-selection", selection !== null);
    for (const bucket of shown) {
      const start = parseDay(bucket.key);
      const height = Math.max(1, ((bottom - MARGIN.top) * bucket.count) / max);
      const inside = selection && start + g.step - DAY_MS >= selection[0] && start <= selection[1];
      svg.append(s("rect", {
        class: inside ? "timeline-bar selected" : "timeline-bar",
        x: g.x(start).toFixed(1),
        y: (bottom - height).toFixed(1),
        width: barWidth.toFixed(1),
        height: height.toFixed(1),
        "data-key": bucket.key,
      }, s("title", {}, `${series.unit} of ${bucket.key}: ${plural(bucket.count, "event")}`)));
    }
    drawAxis(g, max, bottom);
    if (selection) drawBrush(g, selection[0], selection[1] + DAY_MS);
    onDraw({ width: g.width, t0: g.t0, t1: g.t1, x: g.x, empty: shown.length === 0 });
  }

  function drawAxis(g, max, bottom) {
    svg.append(s("line", { class: "axis", x1: MARGIN.left, x2: g.width - MARGIN.right, y1: bottom, y2: bottom }));
    svg.append(s("text", { class: "tick", x: 2, y: MARGIN.top + 10 }, String(max)));
    for (const tick of ticks(g.t0, g.t1)) {
      svg.append(s("text", { class: "tick", x: g.x(tick.t).toFixed(1), y: HEIGHT - 6 }, tick.label));
    }
  }

  function drawBrush(g, from, to) {
    const x0 = Math.max(MARGIN.left, g.x(from));
    const x1 = Math.min(g.width - MARGIN.right, g.x(to));
    svg.append(s("rect", {
      class: "brush",
      x: x0.toFixed(1),
      y: MARGIN.top,
      width: Math.max(1, x1 - x0).toFixed(1),
      height: HEIGHT - MARGIN.top - MARGIN.bottom,
    }));
  }

  function localX(event) {
    const box = svg.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * geometry().width;
  }

  svg.addEventListener("pointerdown", (event) => {
    drag = { from: localX(event), to: localX(event) };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    drag.to = localX(event);
    const g = geometry();
    const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
    selection = [dayOf(g.t(a)), dayOf(g.t(b))];
    draw();
  });
  svg.addEventListener("pointerup", () => {
    if (!drag) return;
    const moved = Math.abs(drag.to - drag.from) > CLICK_PX;
    drag = null;
    if (!moved) selection = null;
    draw();
    onBrush(selection ? formatDay(selection[0]) : null, selection ? formatDay(selection[1]) : null);
  });
  new ResizeObserver(() => draw()).observe(svg);

  return {
    setSeries(next) {
      series = next;
      focus();
      draw();
    },
    showAllDates(value) {
      allDates = value;
      focus();
      draw();
    },
    setSelection(since, until) {
      selection = since || until
        ? [since ? parseDay(since) : geometry().t0, until ? parseDay(until) : geometry().t1 - DAY_MS]
        : null;
      draw();
    },
  };
}

function dayOf(ms) {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function ticks(t0, t1) {
  const years = (t1 - t0) / (365 * DAY_MS);
  const out = [];
  const start = new Date(t0);
  if (years > 2) {
    const every = Math.ceil(years / 8);
    for (let y = start.getUTCFullYear() + 1; Date.UTC(y, 0, 1) < t1; y += every) {
      out.push({ t: Date.UTC(y, 0, 1), label: String(y) });
    }
  } else {
    const months = Math.max(1, Math.ceil((years * 12) / 8));
    for (let m = start.getUTCMonth() + 1, y = start.getUTCFullYear(); Date.UTC(y, m, 1) < t1; m += months) {
      const t = Date.UTC(y, m, 1);
      out.push({ t, label: new Date(t).toISOString().slice(0, 7) });
    }
  }
  if (!out.length) out.push({ t: t0, label: formatDay(t0) });
  return out;
}
