import { gql } from "@urql/core";

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface NearbyShelter {
  code: string;
  name: string;
  address: string;
  status: string;
  distanceMeters: number;
  capacity: number;
  region: { name: string };
  entrance: { wgs84: GeoPoint; gcj02: GeoPoint };
}

export interface ShelterFinderData {
  nearestShelters: NearbyShelter[];
}

export interface ShelterFinderVariables {
  [key: string]: unknown;
  latitude: number;
  longitude: number;
  datum: "WGS84" | "GCJ02";
  first: number;
  minCapacity: number;
  purpose: "WARTIME" | "DISASTER";
}

/** The open public works nearest a point (`nearestShelters`), each entrance in both datums. */
export const shelterFinderQuery = gql<ShelterFinderData, ShelterFinderVariables>(`
  query RfShelterFinder(
    $latitude: Float!
    $longitude: Float!
    $datum: Datum
    $first: Int
    $minCapacity: Int
    $purpose: ShelterPurpose
  ) {
    nearestShelters(
      latitude: $latitude
      longitude: $longitude
      datum: $datum
      first: $first
      minCapacity: $minCapacity
      purpose: $purpose
    ) {
      code
      name
      address
      status
      distanceMeters
      capacity
      region { name }
      entrance { wgs84 { latitude longitude } gcj02 { latitude longitude } }
    }
  }
`);
