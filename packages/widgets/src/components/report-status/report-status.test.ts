import { describeDocuments } from "../../../test/helpers/query-tests.js";
import { reportStatusQuery } from "./report-status.queries.js";

describeDocuments("rf-report-status", { reportStatusQuery });
