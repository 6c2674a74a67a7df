/** The most used compound nouns, each a search for itself, and each one that says nothing can be left out (a stop word of the ward). */
import { T, useT } from "../../app/i18n/T";

export function CommentKeywords({
  id,
  keywords,
  onPick,
  onStop,
}: {
  id: string;
  keywords: { word: string; count: number }[];
  onPick: (word: string) => void;
  /** Given when the survey has a ward whose stop words this staff member keeps. */
  onStop: ((word: string) => void) | null;
}) {
  const { plain } = useT();
  if (keywords.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        <T k="staff:comments.keywords" />
      </h2>
      <ul className="keywords">
        {keywords.map((k) => (
          <li key={k.word}>
            <button type="button" className="button" onClick={() => onPick(k.word)}>
              {k.word} ({k.count})
            </button>
            {onStop && (
              <button
                type="button"
                className="button"
                aria-label={plain("staff:comments.stopWordNamed", { word: k.word })}
                onClick={() => onStop(k.word)}
              >
                <T k="staff:comments.stopWord" />
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
