/**
 * Everything of the residents' app that the first page does not need to be drawn: the other pages, the
 * notices offer, the ward's data kept on the device and the outboxes' start. One module, so one chunk,
 * loaded just after the first page (App.tsx, main.tsx) and kept on the device by the service worker:
 * a first visit runs a smaller script first, and every page still opens offline.
 */
export { ChildcarePage } from "../childcare/ChildcarePage";
export { AssociationPage } from "../local/AssociationPage";
export { CommunityPage } from "../local/CommunityPage";
export { CouncilPage } from "../local/CouncilPage";
export { LocalPrefetch } from "../local/LocalPrefetch";
export { PlacePage } from "../local/PlacePage";
export { PlacesPage } from "../local/PlacesPage";
export { TopicOptIn } from "../notices/TopicOptIn";
export { SettingsPage } from "../settings/SettingsPage";
export { CodeEntryPage } from "../surveys/CodeEntryPage";
export { MyAnswersPage } from "../surveys/MyAnswersPage";
export { ResultsPage } from "../surveys/ResultsPage";
export { SurveyPage } from "../surveys/SurveyPage";
export { startOutboxes } from "./outboxes";
