// The map: a world outline (Natural Earth, bundled) in an equirectangular projection, with
// one circle per place: area by number of events, colour by most frequent quad, a dashed
// ring where some events are contested. Scroll zooms, drag pans, a click picks the place.
// Places built from events the page holds (a truce's violations) list their ids.

import { clear, s } from "./dom.js";
import { QUAD_NAMES, plural } from "./format.js";

const WORLD = { x: 0, y: 0, width: 360, height: 180 };
const MIN_SPAN = 14; // degrees: fitting one place does not zoom to a street
const MIN_RADIUS_PX = 4;
const MAX_RADIUS_PX = 18;

const project = (lon, lat) => [lon + 180, 90 - lat];

export function createMap(svg, { onPick }) {
  const land = s("g", { class: "land" });
  const points = s("g", { class: "points" });
  svg.append(land, points);
  let view = { ...WORLD };
  let places = [];
  let activeId = null;

  function setView(next) {
    view = clampView(next);
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.width} ${view.height}`);
    sizePoints();
  }

  function sizePoints() {
    const scale = pixelsPerUnit(svg, view);
    const max = Math.max(1, ...places.map((p) => p.count));
    for (const circle of points.children) {
      const count = Number(circle.dataset.count);
      const px = MIN_RADIUS_PX + (MAX_RADIUS_PX - MIN_RADIUS_PX) * Math.sqrt(count / max);
      circle.setAttribute("r", (px / scale).toFixed(3));
    }
  }

  function draw() {
    clear(points);
    const sorted = [...places].sort((a, b) => b.count - a.count); // small ones on top
    for (const place of sorted) points.append(pointFor(place, place.geonameid === activeId));
    sizePoints();
  }

  function pointFor(place, active) {
    const [x, y] = project(place.lon, place.lat);
    const classes = ["map-point", `q${place.quad}`];
    if (place.contested > 0) classes.push("contested");
    if (active) classes.push("active");
    const title = `${place.name || "?"} (${place.country_code || "?"}): ${plural(place.count, "event")}`
      + (place.contested ? `, ${place.contested} contested` : "")
      + (place.dead ? `, ${place.dead} dead` : "")
      + ` · mostly ${QUAD_NAMES[place.quad]}`;
    const circle = s("circle", {
      class: classes.join(" "),
      cx: x.toFixed(3),
      cy: y.toFixed(3),
      "data-count": place.count,
      "data-place-id": place.geonameid,
      "data-name": place.name || "",
      "data-events": place.events ? place.events.join(" ") : null,
    }, s("title", {}, title));
    circle.addEventListener("click", (event) => {
      event.stopPropagation();
      onPick(place);
    });
    return circle;
  }

  enablePanZoom(svg, () => view, setView);
  new ResizeObserver(() => sizePoints()).observe(svg);
  setView(WORLD);

  return {
    setWorld(geojson) {
      for (const feature of geojson.features) {
        const title = s("title", {}, feature.properties.name);
        land.append(s("path", { class: "country", d: pathOf(feature.geometry) }, title));
      }
    },
    setPlaces(next, { fit = false } = {}) {
      places = next;
      draw();
      if (fit) this.fit();
    },
    setActive(id) {
      activeId = id;
      draw();
    },
    fit() {
      setView(fitView(places));
    },
    world() {
      setView(WORLD);
    },
  };
}

function pathOf(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const parts = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const xy = ring.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(1)).join(","));
      parts.push(`M${xy.join("L")}Z`);
    }
  }
  return parts.join("");
}

function fitView(places) {
  if (!places.length) return { ...WORLD };
  const xs = places.map((p) => p.lon + 180);
  const ys = places.map((p) => 90 - p.lat);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const width = Math.max(MIN_SPAN, (x1 - x0) * 1.3);
  const height = Math.max(MIN_SPAN / 2, (y1 - y0) * 1.3);
  return { x: (x0 + x1 - width) / 2, y: (y0 + y1 - height) / 2, width, height };
}

function clampView(view) {
  const width = Math.min(WORLD.width, Math.max(2, view.width));
  const height = Math.min(WORLD.height, Math.max(1, view.height));
  const x = Math.min(WORLD.width - width, Math.max(0, view.x));
  const y = Math.min(WORLD.height - height, Math.max(0, view.y));
  return { x, y, width, height };
}

function pixelsPerUnit(svg, view) {
  const box = svg.getBoundingClientRect();
  if (!box.width || !box.height) return 1;
  return Math.min(box.width / view.width, box.height / view.height);
}

function enablePanZoom(svg, getView, setView) {
  let drag = null;
  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const view = getView();
    const factor = event.deltaY > 0 ? 1.25 : 0.8;
    const [ux, uy] = toUser(svg, view, event.clientX, event.clientY);
    setView({
      x: ux - (ux - view.x) * factor,
      y: uy - (uy - view.y) * factor,
      width: view.width * factor,
      height: view.height * factor,
    });
  }, { passive: false });
  svg.addEventListener("pointerdown", (event) => {
    if (event.target.classList.contains("map-point")) return;
    drag = { x: event.clientX, y: event.clientY, view: getView() };
    svg.setPointerCapture(event.pointerId);
    svg.classList.add("dragging");
  });
  svg.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const scale = pixelsPerUnit(svg, drag.view);
    setView({
      ...drag.view,
      x: drag.view.x - (event.clientX - drag.x) / scale,
      y: drag.view.y - (event.clientY - drag.y) / scale,
    });
  });
  const stop = () => {
    drag = null;
    svg.classList.remove("dragging");
  };
  svg.addEventListener("pointerup", stop);
  svg.addEventListener("pointercancel", stop);
}

function toUser(svg, view, clientX, clientY) {
  const box = svg.getBoundingClientRect();
  const scale = pixelsPerUnit(svg, view);
  // preserveAspectRatio "xMidYMid meet": the view is centred in the element.
  const offsetX = (box.width - view.width * scale) / 2;
  const offsetY = (box.height - view.height * scale) / 2;
  return [
    view.x + (clientX - box.left - offsetX) / scale,
    view.y + (clientY - box.top - offsetY) / scale,
  ];
}
