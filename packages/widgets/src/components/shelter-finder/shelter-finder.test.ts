import { describeDocuments } from "../../../test/helpers/query-tests.js";
import { shelterFinderQuery } from "./shelter-finder.queries.js";

describeDocuments("rf-shelter-finder", { shelterFinderQuery });
