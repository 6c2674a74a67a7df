/** The number of letters in a new batch (at least LETTER_BATCH_MIN) and the button that makes them. */
import { T } from "../../app/i18n/T";

export function MakeLetters(props: {
  count: number;
  minimum: number;
  countId: string;
  busy: boolean;
  onCount(count: number): void;
  onMake(): void;
}) {
  return (
    <div className="row">
      <div className="field small">
        <label htmlFor={props.countId}>
          <T k="staff:actions.letters.count" />
        </label>
        <input
          id={props.countId}
          type="number"
          min={props.minimum}
          max={5000}
          value={props.count}
          aria-describedby={`${props.countId}-minimum`}
          onChange={(e) => props.onCount(Math.max(props.minimum, Math.min(5000, Number(e.target.value) || props.minimum)))}
        />
        <p className="hint" id={`${props.countId}-minimum`}>
          <T k="staff:actions.letters.minimum" values={{ count: props.minimum }} />
        </p>
      </div>
      <button type="button" className="button" disabled={props.busy} onClick={props.onMake}>
        <T k="staff:actions.letters.make" />
      </button>
    </div>
  );
}
