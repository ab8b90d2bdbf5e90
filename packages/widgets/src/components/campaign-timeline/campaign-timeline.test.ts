import { describeDocuments } from "../../../test/helpers/query-tests.js";
import { campaignQuery, campaignsQuery } from "./campaign-timeline.queries.js";

describeDocuments("rf-campaign-timeline", { campaignsQuery, campaignQuery });
