/** The date the demo data is built around and the API's "today" in tests. */
export const TODAY = new Date("2022-06-15T04:00:00Z");
