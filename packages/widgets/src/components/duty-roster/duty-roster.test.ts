import { describeDocuments } from "../../../test/helpers/query-tests.js";
import { dutyRosterQuery } from "./duty-roster.queries.js";

describeDocuments("rf-duty-roster", { dutyRosterQuery });
