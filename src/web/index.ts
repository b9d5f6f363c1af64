// What other modules may use from the dashboard: the shared stylesheet (the report inlines it).
export { sharedCss } from "./theme.js";
