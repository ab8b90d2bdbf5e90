// What hazards of each category look like in an office's 问题隐患清单: titles (general and
// major), the rectification measures written when one is assigned, and the checklist of a patrol.

export type Category =
  | "FIRE"
  | "STRUCTURE"
  | "WATER"
  | "ELECTRICAL"
  | "VENTILATION"
  | "EVACUATION_ROUTE"
  | "PROTECTIVE_EQUIPMENT"
  | "ILLEGAL_OCCUPANCY"
  | "MANAGEMENT"
  | "OTHER";

interface CategoryText {
  general: string[];
  major: string[];
  measures: string[];
  /** Can a general one be fixed on the spot (立查立改)? */
  fixable: boolean;
}

export const HAZARD_TEXT: Record<Category, CategoryText> = {
  FIRE: {
    general: [
      "灭火器压力不足或过期未更换",
      "应急照明灯损坏",
      "消火栓箱内水带缺失",
      "防火门闭门器损坏无法自动关闭",
      "消防设施未定期检测",
    ],
    major: ["火灾自动报警系统瘫痪", "自动喷水灭火系统无法正常启动", "消防水池无水、消防泵故障"],
    measures: [
      "更换过期灭火器，修复消防设施并委托有资质单位检测",
      "维修防火门闭门器，补齐消火栓箱配件",
      "修复火灾自动报警和喷淋系统，开展消防设施联动测试",
    ],
    fixable: true,
  },
  STRUCTURE: {
    general: ["顶板混凝土局部剥落", "墙体出现细微裂缝", "出入口台阶破损"],
    major: ["顶板钢筋外露锈蚀、结构开裂", "出入口结构变形存在坍塌风险"],
    measures: ["委托检测单位进行结构安全鉴定，按鉴定意见加固修复", "凿除松散混凝土，除锈后修补保护层"],
    fixable: false,
  },
  WATER: {
    general: ["顶板渗漏水", "集水井排水泵故障", "出入口未配备防汛挡水板", "变形缝渗水"],
    major: ["汛期工程内涝积水，排水设施失效", "出入口防汛设施缺失，地势低洼易倒灌"],
    measures: [
      "对渗漏部位注浆堵漏，疏通排水沟",
      "维修更换排水泵，配齐防汛挡水板和沙袋",
      "制定防汛应急预案，汛期安排专人值守",
    ],
    fixable: true,
  },
  ELECTRICAL: {
    general: ["配电箱未接地", "电线私拉乱接", "照明线路老化", "配电间堆放杂物"],
    major: ["配电设备严重老化存在短路起火风险", "违规使用大功率电器，线路超负荷"],
    measures: ["更换老化线路，规范敷设并穿管保护", "清理配电间杂物，配电箱加装接地和漏电保护"],
    fixable: true,
  },
  VENTILATION: {
    general: ["通风机组运行异常", "排风口被杂物堵塞", "风管保温层脱落"],
    major: ["通风系统长期停用，空气质量不达标", "滤毒通风设备锈蚀失效"],
    measures: ["检修通风机组，清理排风口", "更换锈蚀的滤毒通风设备并开展调试"],
    fixable: true,
  },
  EVACUATION_ROUTE: {
    general: ["疏散通道堆放杂物", "疏散指示标志缺失或损坏", "安全出口被遮挡"],
    major: ["安全出口被锁闭", "疏散通道被占用，宽度不满足疏散要求"],
    measures: [
      "清理疏散通道杂物，保持畅通",
      "补设疏散指示标志和安全出口标志",
      "拆除占用疏散通道的设施，开启锁闭的安全出口",
    ],
    fixable: true,
  },
  PROTECTIVE_EQUIPMENT: {
    general: ["防护密闭门锈蚀", "密闭阀门缺少标识", "防爆波活门操作不灵活"],
    major: ["防护密闭门无法关闭", "防爆波活门、密闭阀门缺失"],
    measures: ["对防护密闭门除锈刷漆并维修启闭装置", "补装缺失的密闭阀门和防爆波活门，开展防护功能检测"],
    fixable: false,
  },
  ILLEGAL_OCCUPANCY: {
    general: ["擅自改变平时使用功能", "工程内违规住人", "违规设置仓储"],
    major: ["违规存放易燃易爆物品", "擅自改建拆除防护设施"],
    measures: ["责令清理违规存放物品，恢复工程平时使用功能", "依法查处擅自改建行为，限期恢复防护设施"],
    fixable: false,
  },
  MANAGEMENT: {
    general: ["未建立安全管理制度", "未签订安全生产责任书", "值班巡查记录不全", "未制定突发事件应急疏散预案"],
    major: ["未落实安全管理责任主体，工程长期无人管理"],
    measures: ["建立健全安全管理制度，签订安全生产（消防安全）责任书", "完善值班巡查记录，制定应急疏散预案并组织演练"],
    fixable: true,
  },
  OTHER: {
    general: ["出入口标识不清", "周边施工影响工程出入口通行", "工程内卫生状况差"],
    major: ["周边深基坑施工危及工程结构安全"],
    measures: ["设置出入口标识，加强日常管理", "协调施工单位采取防护措施，开展结构监测"],
    fixable: true,
  },
};

export const CATEGORY_WEIGHTS: readonly (readonly [Category, number])[] = [
  ["FIRE", 24],
  ["EVACUATION_ROUTE", 14],
  ["WATER", 13],
  ["ELECTRICAL", 11],
  ["MANAGEMENT", 10],
  ["VENTILATION", 7],
  ["PROTECTIVE_EQUIPMENT", 7],
  ["STRUCTURE", 5],
  ["ILLEGAL_OCCUPANCY", 5],
  ["OTHER", 4],
];

export type ChecklistItemName =
  | "FIRE_EQUIPMENT"
  | "EVACUATION_ROUTE"
  | "VENTILATION"
  | "WATER"
  | "SIGNAGE"
  | "NO_ILLEGAL_OCCUPANCY"
  | "ELECTRICAL"
  | "PROTECTIVE_EQUIPMENT";

/** Patrol checklist: the hazard category a failed item becomes, and the finding written down. */
export const CHECKLIST: Record<ChecklistItemName, { category: Category; finding: string[] }> = {
  FIRE_EQUIPMENT: { category: "FIRE", finding: ["灭火器压力不足", "应急照明灯不亮", "消火栓箱内水带缺失"] },
  EVACUATION_ROUTE: { category: "EVACUATION_ROUTE", finding: ["疏散通道堆放杂物", "安全出口被遮挡"] },
  VENTILATION: { category: "VENTILATION", finding: ["排风机异响", "排风口被杂物堵塞"] },
  WATER: { category: "WATER", finding: ["顶板渗漏水", "集水井积水未及时排除"] },
  SIGNAGE: { category: "EVACUATION_ROUTE", finding: ["疏散指示标志损坏", "安全出口标志不亮"] },
  NO_ILLEGAL_OCCUPANCY: { category: "ILLEGAL_OCCUPANCY", finding: ["工程内违规堆放杂物", "车位被改作仓库使用"] },
  ELECTRICAL: { category: "ELECTRICAL", finding: ["配电箱门未关闭", "电线私拉乱接"] },
  PROTECTIVE_EQUIPMENT: { category: "PROTECTIVE_EQUIPMENT", finding: ["防护密闭门锈蚀", "密闭阀门标识缺失"] },
};

/** Items every patrol checks (SPEC §1), then the two that are checked on some patrols. */
export const CORE_CHECKLIST: readonly ChecklistItemName[] = [
  "FIRE_EQUIPMENT",
  "EVACUATION_ROUTE",
  "VENTILATION",
  "WATER",
  "SIGNAGE",
  "NO_ILLEGAL_OCCUPANCY",
];
export const EXTRA_CHECKLIST: readonly ChecklistItemName[] = ["ELECTRICAL", "PROTECTIVE_EQUIPMENT"];
