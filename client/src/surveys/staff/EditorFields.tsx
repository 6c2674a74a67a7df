/** The builder's small controls: a labelled select, a JST date and time, a number, and a text in Japanese beside a second language. */
import { useId } from "react";
import type { Locale } from "../../../../shared/locales/locales";
import type { LocalizedText } from "../../../../shared/surveys/model";
import { fromJstLocalInput, toJstLocalInput } from "../../../../shared/time";
import { T, useT } from "../../app/i18n/T";

export function Choice({
  label,
  value,
  options,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        <T k={label} />
      </label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A date and time entered as a time in Japan; the value is ISO 8601 with Japan's offset. */
export function DateField({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        <T k={label} />
      </label>
      <input
        id={id}
        type="datetime-local"
        value={toJstLocalInput(value)}
        disabled={disabled}
        onChange={(e) => e.target.value && onChange(fromJstLocalInput(e.target.value))}
      />
    </div>
  );
}

export function NumberField({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field small">
      <label htmlFor={id}>
        <T k={label} />
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </div>
  );
}

/** One text in Japanese (required) beside the chosen second language (optional: empty falls back to Japanese). */
export function TextPair({
  label,
  value,
  second,
  onChange,
  multiline,
}: {
  label: string;
  value: LocalizedText;
  second: Locale;
  onChange: (v: LocalizedText) => void;
  multiline?: boolean;
}) {
  const { plain } = useT();
  const id = useId();
  const input = (locale: Locale, text: string | undefined) => {
    const props = {
      id: `${id}-${locale}`,
      value: text ?? "",
      lang: locale === "zh-Hans" ? "zh-Hans" : locale === "ja-easy" ? "ja" : locale,
      onChange: (e: { target: { value: string } }) => {
        const next = { ...value, [locale]: e.target.value };
        if (locale !== "ja" && e.target.value === "") delete next[locale as keyof LocalizedText];
        onChange(next as LocalizedText);
      },
      "aria-describedby": locale !== "ja" && !text ? `${id}-${locale}-missing` : undefined,
    };
    return multiline ? <textarea rows={2} {...props} /> : <input {...props} />;
  };
  return (
    <div className="text-pair">
      <div className="field">
        <label htmlFor={`${id}-ja`}>
          <T k={label} /> ({plain("staff:editor.locales.ja")})
        </label>
        {input("ja", value.ja)}
      </div>
      <div className="field">
        <label htmlFor={`${id}-${second}`}>
          <T k={label} /> ({plain(`staff:editor.locales.${second}`)})
        </label>
        {input(second, value[second])}
        {!value[second] && (
          <span id={`${id}-${second}-missing`} className="hint warn">
            <T k="staff:editor.untranslated" />
          </span>
        )}
      </div>
    </div>
  );
}
