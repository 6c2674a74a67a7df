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
  const set = (key: keyof PlaceFilters) => (value: string) => onFilters({ ...filters, [key]: value });
  return (
    <form className="filters" aria-label={plain("places.filters")} onSubmit={(e) => e.preventDefault()}>
      <Select
        name="ward"
        label="places.ward"
        value={ward}
        onChange={(v) => {
          onWard(v);
          onFilters({ ...filters, area: "" });
        }}
        options={[
          ["", plain("places.chooseWard")],
          ...(wards.status === "ready" ? wards.data.map((w): [string, string] => [w.code, plainText(wardName(w, locale))]) : []),
        ]}
      />
      {ward && (
        <Select
          name="area"
          label="places.area"
          value={filters.area}
          onChange={set("area")}
          options={[
            ["", plain("places.anyArea")],
            ...(areas.state.status === "ready"
              ? areas.state.data.map((a): [string, string] => [a.id, plainText(areaName(a, locale))])
              : []),
          ]}
        />
      )}
      <Select
        name="kind"
        label="places.kind"
        value={filters.kind}
        onChange={set("kind")}
        options={[["", plain("places.anyKind")], ...placeKinds.map((k): [string, string] => [k, plain(`places.kinds.${k}`)])]}
      />
      <Select
        name="weekday"
        label="places.weekday"
        value={filters.weekday}
        onChange={set("weekday")}
        options={[["", plain("places.anyDay")], ...weekdays.map((d): [string, string] => [String(d), weekdayName(d, locale)])]}
      />
      <Select
        name="time"
        label="places.time"
        value={filters.time}
        onChange={set("time")}
        options={[["", plain("places.anyTime")], ...timesOfDay.map((t): [string, string] => [t, plain(`places.times.${t}`)])]}
      />
    </form>
  );
}

function Select(props: { name: string; label: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  const id = `${useId()}-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>
        <T k={props.label} />
      </label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
