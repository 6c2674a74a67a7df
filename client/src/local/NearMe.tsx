/**
 * "近くを探す": the phone's position, asked for only when the resident presses the button, used on
 * the device to sort by distance and never sent anywhere.
 */
import { useState } from "react";
import { T } from "../app/i18n/T";
import type { Position } from "./placeSearch";

export type Locating = { state: "off" } | { state: "asking" } | { state: "on"; position: Position } | { state: "failed" };

export function useLocating() {
  const [locating, setLocating] = useState<Locating>({ state: "off" });
  const locate = () => {
    if (!navigator.geolocation) return setLocating({ state: "failed" });
    setLocating({ state: "asking" });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => setLocating({ state: "on", position: { latitude: coords.latitude, longitude: coords.longitude } }),
      () => setLocating({ state: "failed" }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };
  return { locating, locate, position: locating.state === "on" ? locating.position : null };
}

export function NearMe({ locating, locate }: { locating: Locating; locate: () => void }) {
  return (
    <div className="near">
      <button type="button" className="button" onClick={locate} disabled={locating.state === "asking"}>
        <T k={locating.state === "asking" ? "places.locating" : "places.nearMe"} />
      </button>
      <p className="hint">
        <T k="places.nearHint" />
      </p>
      {locating.state === "failed" && (
        <p role="alert" className="error">
          <T k="places.locationFailed" />
        </p>
      )}
    </div>
  );
}
