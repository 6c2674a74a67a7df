/** The 通いの場 filters: ward, then its 地域, kind, weekday and time of day. Choosing a new ward clears the 地域. */
import { useId } from "react";
import { timesOfDay } from "../../../shared/local/schedule";
import { placeKinds } from "../../../shared/local/schemas";
import { areaName, wardName } from "../../../shared/wards/names";
import { plainText } from "../app/i18n/ruby";
import { T, useT } from "../app/i18n/T";
import { useAreas, useWards } from "../wards/useWards";
import { weekdayName } from "./format";
import type { PlaceFilters } from "./placeSearch";

/** The weekday choices, Monday first and Sunday last. */
const weekdays = [1, 2, 3, 4, 5, 6, 0];

export function PlaceFilterForm({
  ward,
  onWard,
  filters,
  onFilters,
}: {
  ward: string;
  onWard: (ward: string) => void;
  filters: PlaceFilters;
  onFilters: (filters: PlaceFilters) => void;
}) {
  const { plain, locale } = useT();
  const wards = useWards().state;
  const areas = useAreas(ward || null);
  const id = useId();
  const set = (key: keyof PlaceFilters) => (value: string) => onFilters({ ...filters, [key]: value });
  const select = (key: string, label: string, value: string, onChange: (v: string) => void, options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>
        <T k={label} />
      </label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="filters" aria-label={plain("places.filters")} onSubmit={(e) => e.preventDefault()}>
      {select(
        "ward",
        "places.ward",
        ward,
        (v) => {
          onWard(v);
          onFilters({ ...filters, area: "" });
        },
        [
          ["", plain("places.chooseWard")],
          ...(wards.status === "ready" ? wards.data.map((w): [string, string] => [w.code, plainText(wardName(w, locale))]) : []),
        ],
      )}
      {ward &&
        select("area", "places.area", filters.area, set("area"), [
          ["", plain("places.anyArea")],
          ...(areas.state.status === "ready" ? areas.state.data.map((a): [string, string] => [a.id, plainText(areaName(a, locale))]) : []),
        ])}
      {select("kind", "places.kind", filters.kind, set("kind"), [
        ["", plain("places.anyKind")],
        ...placeKinds.map((k): [string, string] => [k, plain(`places.kinds.${k}`)]),
      ])}
      {select("weekday", "places.weekday", filters.weekday, set("weekday"), [
        ["", plain("places.anyDay")],
        ...weekdays.map((d): [string, string] => [String(d), plainText(weekdayName(d, locale))]),
      ])}
      {select("time", "places.time", filters.time, set("time"), [
        ["", plain("places.anyTime")],
        ...timesOfDay.map((t): [string, string] => [t, plain(`places.times.${t}`)]),
      ])}
    </form>
  );
}
