// Chinese names for what the seed invents: people, companies, works, roads and addresses.
// Given names come from faker's zh_CN data; the word lists here are the local colour faker does
// not have (surname frequencies, estate and road names of a Jiangxi city, company trade names).
import type { Rand } from "./rand.ts";

const words = (text: string) => text.split(" ");

// Surnames by rough frequency (common in Jiangxi first); faker's list weighs rare compound
// surnames (欧阳, 司徒, 令狐…) like 王 and 李, which no office roster looks like.
const SURNAMES: readonly (readonly [string, number])[] = [
  ..."刘 王 李 张 陈 胡 黄 罗 吴 杨 徐 彭 熊 邹 万 朱 周 曾 肖 涂 何 郭 邓 余 钟 赖 廖 谢 龚 付"
    .split(" ")
    .map((s) => [s, 6] as const),
  ..."宋 唐 许 韩 冯 曹 袁 潘 蔡 杜 叶 程 魏 吕 丁 任 沈 姚 卢 姜 汪 范 金 石 夏 方 江 雷 易 饶 聂 喻 甘 舒 晏"
    .split(" ")
    .map((s) => [s, 3] as const),
  ["欧阳", 1],
];

/** A Chinese full name: a weighted surname and a faker zh_CN given name. */
export function personName(rand: Rand): string {
  return rand.weighted(SURNAMES) + rand.faker.person.firstName();
}

/** 字号 of companies. */
const TRADE_NAMES = words(
  "恒信 华瑞 鸿达 赣鑫 洪城 豫章 瑞丰 金盛 嘉禾 宏远 永安 昌盛 正荣 中润 博雅 德润 汇通 祥和 万通 兴旺 天宇 锦程 凯旋 " +
    "明珠 华夏 星河 通达 安居 宜居 盛世 金辉 联发 润泽 和顺 信达 隆盛 富源 万家 宏图 鼎盛 卓越 腾飞 弘毅 泰丰 " +
    "金阳 红谷 滨江 赣江 庐峰 章贡 瑞华 昌隆 华宇 新业 同创 众诚 安泰 广源 聚丰 鑫源 丰泽 致远 立信 康达 九龙",
);

const BUILDER_INDUSTRIES = words("置业 房地产开发 实业 城市建设投资 建设发展 地产");
const MANAGER_INDUSTRIES = words("物业管理 物业服务 物业管理 资产管理");
const OPERATOR_INDUSTRIES = words("停车管理 停车场管理 智慧停车 商业管理 商业运营管理");

export type CompanyKind = "BUILDER" | "MANAGER" | "OPERATOR";

/** "南昌市鸿达置业有限公司", "江西华瑞物业管理有限公司", "赣州通达停车管理有限公司" … */
export function companyName(rand: Rand, kind: CompanyKind, cityName: string, cityShort: string): string {
  const trade = rand.pick(TRADE_NAMES);
  const industry = rand.pick(
    kind === "BUILDER" ? BUILDER_INDUSTRIES : kind === "MANAGER" ? MANAGER_INDUSTRIES : OPERATOR_INDUSTRIES,
  );
  const place = rand.weighted([
    [cityName, 5],
    [cityShort, 3],
    ["江西", 2],
  ] as const);
  return `${place}${trade}${industry}有限公司`;
}

const ROAD_STEMS = words(
  "人民 解放 建设 中山 胜利 八一 北京 文化 青年 新华 滨江 迎宾 站前 沿江 红旗 阳明 井冈山 南京 上海 叠山 民德 " +
    "象山 船山 孺子 永叔 洪都 丰和 赣江 长江 湖滨 东风 五一 光明 团结 和平 幸福 振兴 繁荣 学府 创新 高新 工业 " +
    "城南 城北 府前 环城 锦江 秀水 袁河 信江 昌江 凤凰 翠微 金山 云山 紫阳 滨河 朝阳 体育 新城 广场 公园 沿河",
);

/** "阳明路", "洪都北大道", "滨江大街" */
export function roadName(rand: Rand): string {
  const stem = rand.pick(ROAD_STEMS);
  return (
    stem +
    rand.weighted([
      ["路", 10],
      ["大道", 4],
      ["大街", 1],
      ["东路", 1],
      ["西路", 1],
      ["南路", 1],
      ["北路", 1],
      ["中路", 1],
    ] as const)
  );
}

const ESTATE_STEMS = words(
  "锦绣 翠苑 金域 阳光 滨江 御景 香樟 书香 绿茵 紫金 天悦 丽景 世纪 东方 南湖 青山 梧桐 玉兰 碧水 铂悦 观澜 " +
    "怡景 枫林 恒景 凤凰 瑞景 盛世 龙湾 湖畔 银河 嘉禾 春江 秋水 朝阳 明珠 华城 新都 江岸 领秀 君悦 学府 都市",
);
const RESIDENTIAL = words("小区 花园 家园 名苑 华庭 公馆 雅苑 新城 华府 名都 苑");
const COMMERCIAL = words("广场 商业中心 购物中心 大厦 国际中心 商业街 财富中心 时代广场");
const PUBLIC = words("体育中心 市民中心 文化中心 图书馆 人民医院 中医院 妇幼保健院 第一中学 实验学校 行政中心 汽车站");
const EARLY_LANDMARKS = words(
  "人民公园 烈士陵园 百货大楼 工人文化宫 老汽车站 体育场 电影院 中心广场 东门 西门 南门 北门",
);

export type NameStyle = "residential" | "commercial" | "public" | "medical";

/** The place a work lies under, e.g. "锦绣华庭二期", "阳明路商业中心", "东湖区人民医院". */
export function placeName(rand: Rand, style: NameStyle, countyName: string): string {
  switch (style) {
    case "residential":
      return (
        rand.pick(ESTATE_STEMS) +
        rand.pick(RESIDENTIAL) +
        rand.weighted([
          ["", 8],
          ["二期", 2],
          ["三期", 1],
        ] as const)
      );
    case "commercial":
      return rand.chance(0.5)
        ? roadName(rand) + rand.pick(COMMERCIAL)
        : rand.pick(ESTATE_STEMS) + rand.pick(COMMERCIAL);
    case "medical":
      return countyName + rand.pick(["人民医院", "中医院", "妇幼保健院", "第二人民医院"]);
    default:
      return countyName + rand.pick(PUBLIC);
  }
}

/** An early work (早期人防工程, mostly 1960s–80s tunnels): "胜利路人防坑道", "人民公园早期人防工程". */
export function earlyWorkName(rand: Rand): string {
  return rand.chance(0.6)
    ? roadName(rand) + rand.pick(["人防坑道", "人防地道", "早期人防工程", "防空洞"])
    : rand.pick(EARLY_LANDMARKS) + rand.pick(["早期人防工程", "人防坑道", "人防地道"]);
}

/** Street address inside a county: "南昌市东湖区阳明路188号", or with a town for rural counties. */
export function address(rand: Rand, cityName: string, countyName: string, towns: readonly string[]): string {
  const number = rand.weighted([
    [rand.int(1, 99), 3],
    [rand.int(100, 399), 4],
    [rand.int(400, 1999), 2],
  ] as const);
  const town = !countyName.endsWith("区") && towns.length > 0 ? rand.pick(towns) : "";
  return `${cityName}${countyName}${town}${roadName(rand)}${number}号`;
}

/** Towns good for an address: 街道 and 镇 (not 乡, farms or development zones). */
export function addressTowns(towns: readonly string[]): string[] {
  return towns.filter((t) => t.endsWith("街道") || t.endsWith("镇"));
}
