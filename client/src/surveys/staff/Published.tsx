/** The note above published tables: when they were published (Japan time) and when they change. */
import { toJstIso } from "../../../../shared/time";
import { T } from "../../app/i18n/T";

/** When the results shown were published, and when they change: never live (issue 13). */
export function Published({ at, min }: { at: string | null; min: number }) {
  return (
    <p className="notice" role="note">
      {at === null ? (
        <T k="staff:results.notPublished" values={{ min }} />
      ) : (
        <>
          <T k="staff:results.publishedAt" values={{ date: toJstIso(new Date(at)).slice(0, 16).replace("T", " ") }} />{" "}
          <T k="staff:results.publishRule" values={{ min }} />
        </>
      )}
    </p>
  );
}
