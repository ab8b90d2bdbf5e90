import { describeDocuments } from "../../../test/helpers/query-tests.js";
import { sheltersQuery } from "./shelter-ledger.queries.js";

describeDocuments("rf-shelter-ledger", { sheltersQuery });
