// Validation of a shelter's fields, shared by createShelter, updateShelter and the census import.
// Messages start with the rule name ("format: …") so errors carry it.
import { z } from "zod";
import { codeFormat } from "../codes.ts";

const year = z
  .number()
  .int("integer: must be a whole year")
  .min(1950, "range: year 1950 or later")
  .max(2100, "range: year 2100 or earlier");

export const shelterFields = {
  name: z.string().trim().min(2, "required: at least 2 characters").max(200, "length: at most 200 characters"),
  regionCode: z.string().regex(/^\d{6}$/, "format: a six-digit GB/T 2260 county code"),
  address: z.string().trim().min(2, "required: at least 2 characters").max(300, "length: at most 300 characters"),
  latitude: z.number().min(-90, "range: latitude -90..90").max(90, "range: latitude -90..90"),
  longitude: z.number().min(-180, "range: longitude -180..180").max(180, "range: longitude -180..180"),
  protectionClass: z.string().regex(/^(核|常)[1-6][A-Z]?$/, "format: a protection class such as 核5, 核6B, 常6"),
  area: z.number().positive("range: area must be > 0 m²").max(1_000_000, "range: area at most 1,000,000 m²"),
  wartimeCapacity: z
    .number()
    .int("integer: whole persons")
    .min(0, "range: capacity ≥ 0")
    .max(1_000_000, "range: capacity at most 1,000,000"),
  parkingSpaces: z
    .number()
    .int("integer: whole spaces")
    .min(0, "range: parking spaces ≥ 0")
    .max(100_000, "range: at most 100,000 spaces"),
  completionYear: year,
  disasterCapacity: z.number().int("integer: whole persons").min(0, "range: capacity ≥ 0"),
  metroStation: z.string().trim().max(100, "length: at most 100 characters"),
  code: codeFormat,
};
