/** A set of radio buttons with a legend, for the settings that take one of a few values (language, text size). */
import type { ReactNode } from "react";

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  lang?: string;
  className?: string;
}

export function Choice(props: {
  legend: ReactNode;
  name: string;
  value: string;
  options: ChoiceOption[];
  onChange: (value: string) => void;
}) {
  return (
    <fieldset className="choice">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option.value} className={`choice-option ${option.className ?? ""}`} lang={option.lang}>
          <input
            type="radio"
            name={props.name}
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
