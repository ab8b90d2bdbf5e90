import { html, nothing, type PropertyDeclarations } from "lit";
import { badge } from "../../base/badges.js";
import { RfElement } from "../../base/rf-element.js";
import { type MapPoint, tileMap } from "../../base/tile-map.js";
import { QueryController } from "../../data/query-controller.js";
import type {} from "../../events/rf-locate.js";
import { formatInteger } from "../../format/number.js";
import { format } from "../../i18n/index.js";
import { type NearbyShelter, shelterFinderQuery } from "./shelter-finder.queries.js";
import { styles } from "./shelter-finder.styles.js";

type Datum = "WGS84" | "GCJ02";
interface Origin {
  latitude: number;
  longitude: number;
  datum: Datum;
}

const isDatum = (d: unknown): d is Datum => d === "WGS84" || d === "GCJ02";
const validPoint = (lat: number, lng: number) =>
  Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;

/**
 * The open public civil air defense works nearest the visitor (就近人防工程): from the browser's
 * location, a typed point, or a point the page gives (an address's coordinates); each with its
 * distance, capacity and a directions link, and on a map when the portal names its own tile server.
 * Public data only: the API answers from what the public may read.
 *
 * @summary Shelter finder (就近人防工程): the nearest open shelters, their distance, room and directions.
 *
 * @fires rf-locate - A point to search from; `detail: { latitude, longitude, datum, source }`.
 * @fires rf-load - Data arrived; `detail: { data }`.
 * @fires rf-error - The query failed; `detail: { message }`.
 *
 * @csspart base - The card around the widget.
 * @csspart title - The heading.
 * @csspart form - The point form (locate button, latitude, longitude, datum, purpose).
 * @csspart locate - The "use my location" button.
 * @csspart input - The latitude / longitude inputs and the selects.
 * @csspart find - The submit button.
 * @csspart message - A prompt or a location problem.
 * @csspart summary - The line announcing what was found (a live region).
 * @csspart map - The map (an SVG), only with `tile-url`.
 * @csspart tile - One map tile.
 * @csspart marker - A work's numbered marker on the map.
 * @csspart origin - The searched point on the map.
 * @csspart list - The list of works, nearest first.
 * @csspart item - One work.
 * @csspart index - Its number (as on the map).
 * @csspart name - Its name.
 * @csspart address - Its region and address.
 * @csspart distance - Its distance.
 * @csspart capacity - How many people it holds.
 * @csspart badge - Its status badge.
 * @csspart directions - Its directions link.
 * @csspart state - Loading / empty / error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --rf-shelter-finder-marker-color - Fill of the works' markers. Default the primary colour.
 * @cssproperty --rf-shelter-finder-origin-color - Fill of the searched point's marker. Default the accent colour.
 * @cssproperty --rf-shelter-finder-map-background - Map background while tiles load. Default a light grey.
 * @cssproperty --rf-color-primary - Colour of headings, numbers and links.
 */
export class RfShelterFinder extends RfElement {
  static override styles = [...RfElement.styles, styles];

  static override properties: PropertyDeclarations = {
    ...RfElement.properties,
    latitude: { type: Number },
    longitude: { type: Number },
    datum: {},
    first: { type: Number },
    purpose: {},
    minCapacity: { type: Number, attribute: "min-capacity" },
    tileUrl: { attribute: "tile-url" },
    tileDatum: { attribute: "tile-datum" },
    directionsUrl: { attribute: "directions-url" },
    autoLocate: { type: Boolean, attribute: "auto-locate" },
    chosen: { state: true },
    locating: { state: true },
    message: { state: true },
  };

  /** Latitude of a point to search from (e.g. an address's), in `datum`; the visitor can change it. */
  latitude: number | undefined = undefined;

  /** Longitude of that point, in `datum`. */
  longitude: number | undefined = undefined;

  /** Datum of `latitude`/`longitude`: `WGS84` (GPS, 天地图; default) or `GCJ02` (高德, 腾讯地图). */
  datum: Datum = "WGS84";

  /** How many works to list (1–50). */
  first = 5;

  /** `WARTIME` (personnel shelters, wartime capacity; default) or `DISASTER` (disaster shelters in use). */
  purpose: "WARTIME" | "DISASTER" = "WARTIME";

  /** Only works holding at least this many people. */
  minCapacity = 0;

  /**
   * The portal's own map tiles as a URL template with `{z}`, `{x}`, `{y}` (Web Mercator, 256 px),
   * e.g. `/tiles/{z}/{x}/{y}.png`. Without it there is no map, only the list.
   */
  tileUrl = "";

  /** Datum of the tiles: `WGS84` (天地图; default) or `GCJ02` (高德-style tiles). */
  tileDatum: Datum = "WGS84";

  /**
   * The directions link of each work, a template with `{lat}`, `{lng}` (WGS-84), `{gcjLat}`,
   * `{gcjLng}` (GCJ-02) and `{name}`. Default a `geo:` URI, which phones open in their map app.
   */
  directionsUrl = "geo:{lat},{lng}?q={lat},{lng}({name})";

  /** Ask for the visitor's location as soon as the widget appears (the browser asks permission). */
  autoLocate = false;

  /** The point the visitor chose (located or typed); it takes over from the attributes. */
  private chosen: Origin | null = null;
  private locating = false;
  private message = "";

  private readonly data = new QueryController(this, {
    query: shelterFinderQuery,
    variables: () => {
      const o = this.origin;
      if (!o) return null;
      return {
        latitude: o.latitude,
        longitude: o.longitude,
        datum: o.datum,
        first: Math.min(50, Math.max(1, Math.round(this.first) || 5)),
        minCapacity: Math.max(0, Math.round(this.minCapacity) || 0),
        purpose: this.purpose === "DISASTER" ? ("DISASTER" as const) : ("WARTIME" as const),
      };
    },
  });

  /** The point searched from: the visitor's, else the attributes' when they make one. */
  private get origin(): Origin | null {
    if (this.chosen) return this.chosen;
    const lat = Number(this.latitude);
    const lng = Number(this.longitude);
    if (this.latitude == null || this.longitude == null || !validPoint(lat, lng)) return null;
    return { latitude: lat, longitude: lng, datum: isDatum(this.datum) ? this.datum : "WGS84" };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.autoLocate && !this.chosen) this.locate();
  }

  override updated(changed: Map<string, unknown>): void {
    if ((changed.has("latitude") || changed.has("longitude")) && !this.chosen && this.origin) {
      this.emit("rf-locate", { ...this.origin, source: "attribute" });
    }
  }

  /** Asks the browser for the visitor's position (WGS-84, as geolocation gives it). */
  locate(): void {
    if (!navigator.geolocation) {
      this.message = this.t.finder.unsupported;
      return;
    }
    this.locating = true;
    this.message = "";
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.locating = false;
        this.choose({ latitude: pos.coords.latitude, longitude: pos.coords.longitude, datum: "WGS84" }, "geolocation");
      },
      (err) => {
        this.locating = false;
        this.message = format(this.t.finder.denied, { reason: err.message || String(err.code) });
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  }

  private choose(origin: Origin, source: "geolocation" | "typed"): void {
    this.chosen = origin;
    this.message = "";
    this.emit("rf-locate", { ...origin, source });
  }

  private submit(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const lat = Number(value("latitude").trim());
    const lng = Number(value("longitude").trim());
    this.purpose = value("purpose") === "DISASTER" ? "DISASTER" : "WARTIME";
    if (!value("latitude").trim() || !value("longitude").trim() || !validPoint(lat, lng)) {
      this.message = this.t.finder.badPoint;
      return;
    }
    const datum = value("datum");
    this.choose({ latitude: lat, longitude: lng, datum: isDatum(datum) ? datum : "WGS84" }, "typed");
  }

  override render() {
    const t = this.t.finder;
    const o = this.origin;
    return html`<div part="base" aria-busy=${this.data.status === "pending" || this.locating ? "true" : "false"}>
      <div class="head"><h2 part="title">${t.title}</h2></div>
      <form part="form" class="form" @submit=${this.submit}>
        <button type="button" part="locate" class="locate primary" ?disabled=${this.locating} @click=${() => this.locate()}>
          ${this.locating ? t.locating : t.locate}
        </button>
        <label>${t.latitude}
          <input part="input" name="latitude" inputmode="decimal" autocomplete="off" .value=${o ? String(o.latitude) : ""} />
        </label>
        <label>${t.longitude}
          <input part="input" name="longitude" inputmode="decimal" autocomplete="off" .value=${o ? String(o.longitude) : ""} />
        </label>
        <label>${t.datum}
          <select part="input" name="datum">
            ${(["WGS84", "GCJ02"] as const).map(
              (d) => html`<option value=${d} ?selected=${(o?.datum ?? this.datum) === d}>${t.datums[d]}</option>`,
            )}
          </select>
        </label>
        <label>${t.purpose}
          <select part="input" name="purpose">
            ${(["WARTIME", "DISASTER"] as const).map(
              (p) => html`<option value=${p} ?selected=${this.purpose === p}>${t.purposes[p]}</option>`,
            )}
          </select>
        </label>
        <button part="find" class="find">${t.find}</button>
      </form>
      ${this.message ? html`<p part="message" class="message" role="alert">${this.message}</p>` : nothing}
      ${
        o
          ? this.renderData(
              this.data,
              () => false,
              (d) => this.renderResults(d.nearestShelters, o),
            )
          : this.message
            ? nothing
            : html`<p part="message" class="message">${t.prompt}</p>`
      }
    </div>`;
  }

  private renderResults(works: NearbyShelter[], o: Origin) {
    const t = this.t.finder;
    return html`<p part="summary" class="summary" role="status" aria-live="polite">
        ${works.length ? format(t.found, { count: works.length }) : t.none}
      </p>
      <div class=${this.tileUrl && works.length ? "results with-map" : "results"}>
      ${this.tileUrl && works.length ? tileMap(this.tileUrl, this.mapPoints(works, o), t.map) : nothing}
      <ol part="list" class="list">
        ${works.map(
          (w, i) => html`<li part="item" class="item">
            <span part="index" class="index" aria-hidden="true">${i + 1}</span>
            <div class="body">
              <h3 part="name" class="name">${w.name}</h3>
              <div part="address" class="sub">${w.region.name} · ${w.address}</div>
              <div class="facts">
                <span part="distance" class="distance"><span class="visually-hidden">${t.distance} </span>${this.distance(w.distanceMeters)}</span>
                <span part="capacity">${format(t.capacity, { n: formatInteger(w.capacity, this.locale) })}</span>
                ${badge(this.t, "ShelterStatus", w.status)}
              </div>
            </div>
            <a part="directions" class="directions" href=${this.directions(w)} aria-label=${format(t.directionsTo, { name: w.name })}>${t.directions}</a>
          </li>`,
        )}
      </ol>
      </div>`;
  }

  private distance(m: number): string {
    const t = this.t.finder;
    if (m < 1000) return format(t.meters, { n: formatInteger(Math.round(m), this.locale) });
    const km = m / 1000;
    return format(t.kilometers, { n: km.toFixed(km < 10 ? 1 : 0) });
  }

  private directions(w: NearbyShelter): string {
    const { wgs84, gcj02 } = w.entrance;
    return this.directionsUrl
      .replaceAll("{lat}", String(wgs84.latitude))
      .replaceAll("{lng}", String(wgs84.longitude))
      .replaceAll("{gcjLat}", String(gcj02.latitude))
      .replaceAll("{gcjLng}", String(gcj02.longitude))
      .replaceAll("{name}", encodeURIComponent(w.name));
  }

  /**
   * The markers in the tiles' datum. The searched point is shifted between datums by the nearest
   * work's offset (GCJ-02's offset changes by metres over kilometres), so no conversion code ships.
   */
  private mapPoints(works: NearbyShelter[], o: Origin): MapPoint[] {
    const datum: Datum = this.tileDatum === "GCJ02" ? "GCJ02" : "WGS84";
    const { wgs84, gcj02 } = works[0].entrance;
    const sign = o.datum === datum ? 0 : datum === "GCJ02" ? 1 : -1;
    const here: MapPoint = {
      latitude: o.latitude + sign * (gcj02.latitude - wgs84.latitude),
      longitude: o.longitude + sign * (gcj02.longitude - wgs84.longitude),
      label: "",
      title: this.t.finder.here,
      kind: "origin",
    };
    return [
      here,
      ...works.map((w, i) => ({
        ...(datum === "GCJ02" ? w.entrance.gcj02 : w.entrance.wgs84),
        label: String(i + 1),
        title: `${i + 1}. ${w.name}`,
        kind: "work" as const,
      })),
    ];
  }
}
