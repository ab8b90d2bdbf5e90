import { describeDocuments } from "../../../test/helpers/query-tests.js";
import { targetProgressQuery } from "./target-progress.queries.js";

describeDocuments("rf-target-progress", { targetProgressQuery });
