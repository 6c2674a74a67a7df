/**
 * The words a ward leaves out of its free-text keywords: its own list, to add to and remove from, and
 * the built-in list for reference. Changes are saved at once and announced; the keywords reload.
 */
import { type FormEvent, useId, useState } from "react";
import type { StopWordList } from "../../../../shared/surveys/staff/stop-words";
import { useLoader } from "../../app/data";
import { errorKeyOf } from "../../app/errors";
import { T, useT } from "../../app/i18n/T";
import { StatusMessage, type StatusText } from "../../app/shell/StatusMessage";
import { useStaffApi } from "../../staff/api";
import { Loaded } from "../../staff/Loaded";
import { expectStatus } from "../../staff/staffFetch";

/** Adds or removes one of the ward's stop words; answers the message to show. */
export function useStopWordChange(ward: string) {
  const { api } = useStaffApi();
  return async (word: string, add: boolean): Promise<StatusText> => {
    try {
      const json = { ward, word };
      const call = add ? api.keywords["stop-words"].$post({ json }) : api.keywords["stop-words"].$delete({ json });
      expectStatus(await call, 204);
      return { key: add ? "staff:comments.stopWordAdded" : "staff:comments.stopWordRemoved", values: { word } };
    } catch (failure) {
      return { key: await errorKeyOf(failure), error: true };
    }
  };
}

export function StopWords({ ward, version, onChanged }: { ward: string; version: number; onChanged: (message: StatusText) => void }) {
  const { plain } = useT();
  const { api } = useStaffApi();
  const change = useStopWordChange(ward);
  const ids = { heading: useId(), word: useId() };
  const [message, setMessage] = useState<StatusText | null>(null);
  const loader = useLoader<StopWordList>(
    async () => (await expectStatus(await api.keywords["stop-words"].$get({ query: { ward } }), 200).json()) as StopWordList,
    `stop-words:${ward}:${version}`,
  );
  const apply = async (word: string, add: boolean) => {
    const result = await change(word, add);
    // Success is announced once, by the page (which reloads the keywords); a refusal here, by the form.
    setMessage(result.error ? result : null);
    if (!result.error) onChanged(result);
    return result;
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const word = String(new FormData(form).get("word") ?? "").trim();
    if (!word) return setMessage({ key: "staff:comments.stopWordMissing", error: true });
    // A refused word stays in the field, to be corrected.
    void apply(word, true).then((result) => {
      if (!result.error) form.reset();
    });
  };
  return (
    <details className="stop-words">
      <summary>
        <T k="staff:comments.stopWordsHeading" />
      </summary>
      <section aria-labelledby={ids.heading}>
        <h2 id={ids.heading}>
          <T k="staff:comments.stopWordsHeading" />
        </h2>
        <p>
          <T k="staff:comments.stopWordsIntro" />
        </p>
        <form onSubmit={submit} className="row" noValidate>
          <div className="field">
            <label htmlFor={ids.word}>
              <T k="staff:comments.stopWordInput" />
            </label>
            <input id={ids.word} name="word" maxLength={40} />
          </div>
          <button type="submit" className="button">
            <T k="staff:comments.stopWordAdd" />
          </button>
        </form>
        <StatusMessage message={message} />
        <Loaded of={loader}>
          {(list) => (
            <>
              {list.words.length === 0 ? (
                <p>
                  <T k="staff:comments.stopWordsNone" />
                </p>
              ) : (
                <ul className="keywords">
                  {list.words.map((word) => (
                    <li key={word}>
                      <span>{word}</span>{" "}
                      <button
                        type="button"
                        className="button"
                        aria-label={plain("staff:comments.stopWordRemoveNamed", { word })}
                        onClick={() => void apply(word, false)}
                      >
                        <T k="staff:comments.stopWordRemove" />
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <p className="hint">
                <T k="staff:comments.stopWordsBuiltIn" values={{ words: list.builtIn.join("、") }} />
              </p>
            </>
          )}
        </Loaded>
      </section>
    </details>
  );
}
