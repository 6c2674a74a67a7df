/**
 * 通いの場を探す: filters (PlaceFilterForm) and "near me" (NearMe). Everything is filtered and
 * sorted on the device from the ward's stored data (placeSearch.ts), so it works with no signal;
 * the position is asked for only when the resident presses the button, and never leaves the phone.
 */
import { useState } from "react";
import { T } from "../app/i18n/T";
import { Page } from "../app/shell/Page";
import { useSettings } from "../settings/SettingsContext";
import { LocalStatus } from "./LocalStatus";
import { NearMe, useLocating } from "./NearMe";
import { PlaceFilterForm } from "./PlaceFilterForm";
import { PlaceResults, type View } from "./PlaceResults";
import { findPlaces, type PlaceFilters } from "./placeSearch";
import { useLocalData } from "./useLocal";

export function PlacesPage() {
  const { settings } = useSettings();
  const [ward, setWard] = useState(settings.ward ?? "");
  const [filters, setFilters] = useState<PlaceFilters>({ area: "", kind: "", weekday: "", time: "" });
  const { locating, locate, position } = useLocating();
  const [view, setView] = useState<View>("list");
  const local = useLocalData(ward || null);
  return (
    <Page titleKey="places.title">
      <p className="lead">
        <T k="places.intro" />
      </p>
      <PlaceFilterForm ward={ward} onWard={setWard} filters={filters} onFilters={setFilters} />
      <NearMe locating={locating} locate={locate} />
      {ward ? (
        <>
          <LocalStatus local={local} />
          {local.data && (
            <PlaceResults
              found={findPlaces(local.data.places, filters, new Date(), position)}
              position={position}
              view={view}
              onView={setView}
            />
          )}
        </>
      ) : (
        <p>
          <T k="places.chooseWardFirst" />
        </p>
      )}
    </Page>
  );
}
