/**
 * What a resident can do from a 通いの場's page: add it to the phone's calendar (an .ics file made
 * on the device, shared/local/ics.ts, served from a blob URL while the page is open), call, and
 * find the way there.
 */
import { useEffect, useState } from "react";
import { icsFor } from "../../../shared/local/ics";
import type { Place } from "../../../shared/local/schemas";
import { T } from "../app/i18n/T";

function useCalendarUrl(place: Place): string | null {
  const [calendar, setCalendar] = useState<string | null>(null);
  useEffect(() => {
    const ics = icsFor({
      uid: place.id,
      title: place.name,
      location: [place.address, place.building].filter(Boolean).join(" "),
      description: [place.audience, place.fee, place.notes].filter(Boolean).join("\n"),
      url: place.url,
      schedule: place.schedule,
      from: new Date(),
    });
    const url = URL.createObjectURL(new Blob([ics], { type: "text/calendar" }));
    setCalendar(url);
    return () => URL.revokeObjectURL(url);
  }, [place]);
  return calendar;
}

export function PlaceActions({ place }: { place: Place }) {
  const calendar = useCalendarUrl(place);
  const route = `https://www.google.com/maps/dir/?api=1&destination=${place.latitude},${place.longitude}`;
  return (
    <div className="actions-row">
      {calendar && (
        <a className="button" href={calendar} download={`${place.name}.ics`}>
          <T k="places.addToCalendar" />
        </a>
      )}
      {place.phone && (
        <a className="button" href={`tel:${place.phone.replace(/[^0-9+]/g, "")}`}>
          <T k="places.call" values={{ phone: place.phone }} />
        </a>
      )}
      <a className="button" href={route} target="_blank" rel="noopener noreferrer">
        <T k="places.route" />
      </a>
    </div>
  );
}
