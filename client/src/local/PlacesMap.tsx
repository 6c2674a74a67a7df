/**
 * The 通いの場 map: a chunk of its own (with Leaflet), loaded only when the resident asks for the
 * map and never precached — the tiles need a connection anyway, and the list works without it.
 * Places are drawn as vector circles (no marker images), each with a popup linking to its page.
 * Leaflet takes a string as HTML: every text here (a place's name, the tiles' attribution) is handed to
 * it as a DOM node whose textContent is set, so nothing from data is ever read as markup.
 */
import "leaflet/dist/leaflet.css";
import "./map.css";
import { Control, circleMarker, map as leafletMap, tileLayer } from "leaflet";
import { useEffect, useRef } from "react";
import { api } from "../app/api";
import { plainText } from "../app/i18n/ruby";
import { navigate } from "../app/router";

export interface MapPlace {
  id: string;
  /** The name as plain text (with its reading after it), for the marker's accessible name */
  name: string;
  /** The name as shown: its text, its lang when Japanese on another language's page, and its reading */
  shown: { text: string; lang: string | undefined; reading: { text: string; lang: string } | null };
  latitude: number;
  longitude: number;
  next: string;
}

/** An element showing `text` as text. */
function textNode(text: string, tag = "span"): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

/** A name as text in elements marked with its language (and its reading's), for the popup and the tooltip. */
function nameNode(shown: MapPlace["shown"], tag: "a" | "span"): HTMLElement {
  const element = document.createElement(tag);
  const name = textNode(plainText(shown.text));
  if (shown.lang) name.lang = shown.lang;
  element.append(name);
  if (shown.reading) {
    const reading = textNode(` (${shown.reading.text})`);
    reading.lang = shown.reading.lang;
    element.append(reading);
  }
  return element;
}

/** The tiles' attribution as a plain-text control (Leaflet's own writes its text as HTML). */
function attribution(text: string): Control {
  const control = new Control({ position: "bottomright" });
  control.onAdd = () => {
    const div = textNode(text, "div");
    div.className = "leaflet-control-attribution";
    return div;
  };
  return control;
}

/** The words on the map, from the page (this chunk carries no strings of its own). */
export interface MapLabels {
  map: string;
  youAreHere: string;
}

export default function PlacesMap(props: { places: MapPlace[]; here: { latitude: number; longitude: number } | null; labels: MapLabels }) {
  const { places, here, labels } = props;
  const element = useRef<HTMLElement>(null);
  useEffect(() => {
    const container = element.current;
    if (!container) return;
    let current = true;
    const view = leafletMap(container, { zoomControl: true, attributionControl: false });
    const centre = here ?? places[0] ?? { latitude: 34.6937, longitude: 135.5023 };
    view.setView([centre.latitude, centre.longitude], 15);
    void api.api.map.$get().then(async (response) => {
      const { map } = (await response.json()) as { map: { tileUrl: string; attribution: string } | null };
      if (!current || !map) return;
      tileLayer(map.tileUrl, { maxZoom: 19 }).addTo(view);
      attribution(map.attribution).addTo(view);
    });
    for (const place of places) {
      const marker = circleMarker([place.latitude, place.longitude], { radius: 9, color: "#0a5c8a", weight: 3, fillOpacity: 0.6 }).addTo(
        view,
      );
      const popup = document.createElement("div");
      const link = nameNode(place.shown, "a") as HTMLAnchorElement;
      link.href = `/places/${place.id}`;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        navigate(`/places/${place.id}`);
      });
      const next = document.createElement("p");
      next.textContent = place.next;
      popup.append(link, next);
      marker.bindPopup(popup);
      marker.bindTooltip(nameNode(place.shown, "span"));
      // From the keyboard and to a screen reader, a marker is a named button: Enter or Space opens its popup,
      // and focus goes to the popup's link (Escape closes it, back on the marker).
      const path = marker.getElement();
      if (path) {
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "button");
        path.setAttribute("aria-label", place.name);
        path.addEventListener("keydown", (event) => {
          if ((event as KeyboardEvent).key !== "Enter" && (event as KeyboardEvent).key !== " ") return;
          event.preventDefault();
          marker.openPopup();
        });
      }
      marker.on("popupopen", () => link.focus());
      marker.on("popupclose", () => {
        if (popup.contains(document.activeElement)) (path as SVGElement | undefined)?.focus();
      });
    }
    if (here)
      circleMarker([here.latitude, here.longitude], { radius: 7, color: "#8a4b00", weight: 3, fillOpacity: 1 })
        .addTo(view)
        .bindTooltip(textNode(labels.youAreHere));
    if (places.length > 1 && !here)
      view.fitBounds(
        places.map((p) => [p.latitude, p.longitude] as [number, number]),
        { padding: [24, 24] },
      );
    return () => {
      current = false;
      view.remove();
    };
  }, [places, here, labels.youAreHere]);
  return <section ref={element} className="places-map" aria-label={labels.map} />;
}
