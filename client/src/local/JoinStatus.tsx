/** The resident's requests to join a 町会 from this device, and where each stands (waiting to send, received, needs attention). */
import { T } from "../app/i18n/T";
import { useJoins } from "./joins";

export function JoinStatus() {
  const joins = useJoins();
  if (!joins || joins.length === 0) return null;
  return (
    <section aria-labelledby="joins-heading" className="notice">
      <h2 id="joins-heading" className="notice-label">
        <T k="community.joinsHeading" />
      </h2>
      <ul>
        {joins.map((join) => (
          <li key={join.id}>
            {join.associationName}: <T k={`community.joinStates.${join.state}`} />
            {join.errorCode && (
              <>
                {" "}
                (<T k={join.errorCode.includes(".") ? `errors.${join.errorCode}` : "errors.internal.error"} />)
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
