/**
 * A CSV's two buttons, as every console page that keeps data in CSV shows them: the download, and the
 * upload (a file picker behind a button-styled label, reachable by keyboard; the same file may be chosen again).
 */
import { useId } from "react";
import { T } from "../app/i18n/T";

export function CsvButtons(props: {
  exportHref: string;
  exportKey: string;
  importKey: string;
  importingKey: string;
  busy: boolean;
  onFile(file: File | undefined): void;
}) {
  const id = useId();
  return (
    <div className="actions">
      <a className="button" href={props.exportHref} download>
        <T k={props.exportKey} />
      </a>
      <label htmlFor={id} className="button">
        <T k={props.busy ? props.importingKey : props.importKey} />
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,text/csv"
        className="visually-hidden"
        disabled={props.busy}
        onChange={(e) => {
          props.onFile(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
    </div>
  );
}
