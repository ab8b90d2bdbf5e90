import { describeDocuments } from "../../../test/helpers/query-tests.js";
import { hazardChangedSubscription } from "../../data/hazard-changed.queries.js";
import { hazardsQuery } from "./hazard-ledger.queries.js";

describeDocuments("rf-hazard-ledger", { hazardsQuery, hazardChangedSubscription });
