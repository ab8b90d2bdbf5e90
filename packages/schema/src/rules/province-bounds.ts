// Where a province lies, as a latitude/longitude box padded by 0.2°: a work whose coordinates fall
// outside its province's box was certainly located wrongly (swapped latitude and longitude, a
// missing digit, another province's work). A box is a necessary test, not a sufficient one.
import { provinceOf } from "../scope.ts";

/** [south, north, west, east] in degrees (WGS-84), by GB/T 2260 province code. */
const boxes: Record<string, [number, number, number, number]> = {
  "110000": [39.4, 41.1, 115.4, 117.5], // 北京
  "120000": [38.5, 40.3, 116.7, 118.1], // 天津
  "130000": [36.0, 42.7, 113.4, 119.9], // 河北
  "140000": [34.5, 40.8, 110.2, 114.6], // 山西
  "150000": [37.4, 53.4, 97.1, 126.1], // 内蒙古
  "210000": [38.7, 43.5, 118.8, 125.8], // 辽宁
  "220000": [40.8, 46.3, 121.6, 131.3], // 吉林
  "230000": [43.4, 53.6, 121.1, 135.1], // 黑龙江
  "310000": [30.6, 31.9, 120.8, 122.2], // 上海
  "320000": [30.7, 35.2, 116.3, 121.9], // 江苏
  "330000": [27.0, 31.2, 118.0, 123.2], // 浙江
  "340000": [29.4, 34.7, 114.9, 119.7], // 安徽
  "350000": [23.5, 28.4, 115.8, 120.7], // 福建
  "360000": [24.48, 30.08, 113.57, 118.48], // 江西
  "370000": [34.4, 38.4, 114.8, 122.7], // 山东
  "410000": [31.4, 36.4, 110.3, 116.7], // 河南
  "420000": [29.0, 33.3, 108.3, 116.2], // 湖北
  "430000": [24.6, 30.2, 108.8, 114.3], // 湖南
  "440000": [20.2, 25.6, 109.6, 117.4], // 广东
  "450000": [20.9, 26.4, 104.4, 112.1], // 广西
  "460000": [3.5, 20.2, 108.6, 117.9], // 海南 (with the South China Sea islands)
  "500000": [28.1, 32.3, 105.2, 110.2], // 重庆
  "510000": [26.0, 34.4, 97.3, 108.6], // 四川
  "520000": [24.6, 29.3, 103.6, 109.6], // 贵州
  "530000": [21.1, 29.3, 97.5, 106.2], // 云南
  "540000": [26.8, 36.6, 78.4, 99.2], // 西藏
  "610000": [31.7, 39.6, 105.5, 111.3], // 陕西
  "620000": [32.5, 42.8, 92.2, 108.8], // 甘肃
  "630000": [31.6, 39.3, 89.4, 103.1], // 青海
  "640000": [35.2, 39.4, 104.2, 107.7], // 宁夏
  "650000": [34.3, 49.2, 73.4, 96.4], // 新疆
};

const PAD = 0.2;

/**
 * Is (latitude, longitude) inside the province of region `code`? Null when the province has no
 * box (then nothing can be said).
 */
export function insideProvince(code: string, latitude: number, longitude: number): boolean | null {
  const box = boxes[provinceOf(code)];
  if (!box) return null;
  const [south, north, west, east] = box;
  return latitude >= south - PAD && latitude <= north + PAD && longitude >= west - PAD && longitude <= east + PAD;
}
