import { describeDocuments } from "../../../test/helpers/query-tests.js";
import { STATS_GROUPS } from "../../data/enums.js";
import { rectificationQuery } from "./rectification-progress.queries.js";

describeDocuments(
  "rf-rectification-progress",
  Object.fromEntries(STATS_GROUPS.map((g) => [`rectificationQuery(${g})`, rectificationQuery(g)])),
);
