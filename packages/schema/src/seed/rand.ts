// Seeded randomness for the demo dataset. Every stream is a Faker instance (zh_CN) seeded from a
// label, so one part of the dataset (a county, the duty roster…) does not shift when another part
// draws more numbers, and the same label always gives the same data.
import type { Faker } from "@faker-js/faker";
// Only the zh_CN bundle: the package's main entry loads every locale (~1 s).
import { faker as zhFaker } from "@faker-js/faker/locale/zh_CN";

const FakerClass = zhFaker.constructor as typeof Faker;

/** 32-bit FNV-1a of a label: the seed of its stream. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const MOBILE_PREFIXES = (
  "130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 176 177 180 181 182 183 185 " +
  "186 187 188 189 191 193 198 199"
).split(" ");

export class Rand {
  readonly faker: Faker;

  constructor(readonly label: string) {
    this.faker = new FakerClass({ locale: zhFaker.rawDefinitions, seed: hash32(label) });
  }

  /** An independent stream named under this one. */
  child(name: string): Rand {
    return new Rand(`${this.label}/${name}`);
  }

  /** Uniform in [0, 1). */
  float(): number {
    const x = this.faker.number.float();
    return x >= 1 ? 0.999999999 : x;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** One of `[value, weight]` pairs, with probability proportional to weight. */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let x = this.float() * total;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }

  /** Knuth's method; fine for the small means used here. */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k++;
      p *= this.float();
    }
    return k;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  digits(count: number): string {
    let s = "";
    for (let i = 0; i < count; i++) s += String(Math.floor(this.float() * 10));
    return s;
  }

  /** A mainland mobile number with a real carrier prefix. */
  mobile(): string {
    return this.pick(MOBILE_PREFIXES) + this.digits(8);
  }
}
