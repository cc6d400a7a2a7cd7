/**
 * The demo city: 安康市 (610900) in 陕西省, its ten county-level divisions and the facts the demo
 * builds from. Township names are the real towns (镇) after the 2015 consolidation as far as we
 * know them; hospital names follow the counties' usual naming. Populations are approximate
 * resident (常住) figures around the 2020 census, enough for plausible denominators, not statistics.
 * Check codes and names against an official list before relying on them (DOMAIN.md).
 */

export interface AnkangCountySeed {
  code: string;
  name: string;
  /** Resident population around 2020, the base the demo projects from. */
  residents2020: number;
  /** Share of residents 65+ in 2024; the mountain counties are older (young people leave for work). */
  elderlyShare2024: number;
  /** County-level hospitals: general (county_hospital), TCM, maternal and child health (妇幼保健院). */
  hospitals: { general: readonly string[]; tcm: string; mch: string };
  /**
   * Urban units served by a community health centre (社区卫生服务中心) rather than a township centre:
   * the streets (街道) of 汉滨区, the county seat (城关镇) elsewhere.
   */
  urban: readonly string[];
  /** Towns with a township health centre; a trailing `*` marks a central one (中心卫生院). */
  towns: readonly string[];
}

export const ANKANG_PROVINCE = { code: '610000', name: '陕西省' } as const;
export const ANKANG_CITY = { code: '610900', name: '安康市' } as const;

export const ANKANG_COUNTIES: readonly AnkangCountySeed[] = [
  {
    code: '610902', name: '汉滨区', residents2020: 870_000, elderlyShare2024: 0.155,
    hospitals: { general: ['安康市汉滨区第一医院', '安康市汉滨区第二医院'], tcm: '安康市汉滨区中医医院', mch: '安康市汉滨区妇幼保健院' },
    urban: ['老城街道', '新城街道', '江北街道', '建民街道'],
    towns: [
      '关庙镇', '张滩镇*', '瀛湖镇', '五里镇*', '大河镇', '晏坝镇', '中原镇', '县河镇', '石梯镇', '大竹园镇', '洪山镇', '茨沟镇',
      '叶坪镇', '牛蹄镇', '双溪镇', '大同镇', '谭坝镇', '紫荆镇', '早阳镇', '流水镇', '沈坝镇', '坝河镇', '双龙镇', '吉河镇', '恒口镇*',
    ],
  },
  {
    code: '610921', name: '汉阴县', residents2020: 246_000, elderlyShare2024: 0.172,
    hospitals: { general: ['汉阴县人民医院'], tcm: '汉阴县中医医院', mch: '汉阴县妇幼保健院' },
    urban: ['城关镇'],
    towns: ['涧池镇*', '蒲溪镇', '平梁镇', '双乳镇', '铁佛寺镇', '漩涡镇*', '汉阳镇', '双河口镇', '观音河镇'],
  },
  {
    code: '610922', name: '石泉县', residents2020: 165_000, elderlyShare2024: 0.175,
    hospitals: { general: ['石泉县医院'], tcm: '石泉县中医医院', mch: '石泉县妇幼保健院' },
    urban: ['城关镇'],
    towns: ['饶峰镇', '两河镇', '迎丰镇', '池河镇*', '后柳镇*', '喜河镇', '熨斗镇', '云雾山镇', '中池镇', '曾溪镇'],
  },
  {
    code: '610923', name: '宁陕县', residents2020: 63_000, elderlyShare2024: 0.178,
    hospitals: { general: ['宁陕县医院'], tcm: '宁陕县中医医院', mch: '宁陕县妇幼保健院' },
    urban: ['城关镇'],
    towns: ['四亩地镇', '江口回族镇*', '广货街镇', '龙王镇', '筒车湾镇', '金川镇', '皇冠镇', '太山庙镇', '梅子镇', '新场镇'],
  },
  {
    code: '610924', name: '紫阳县', residents2020: 276_000, elderlyShare2024: 0.174,
    hospitals: { general: ['紫阳县人民医院'], tcm: '紫阳县中医医院', mch: '紫阳县妇幼保健院' },
    urban: ['城关镇'],
    towns: [
      '蒿坪镇*', '汉王镇', '焕古镇', '向阳镇', '洞河镇', '洄水镇', '双桥镇', '高桥镇', '红椿镇*', '高滩镇', '毛坝镇*', '瓦庙镇',
      '麻柳镇', '双安镇', '东木镇', '界岭镇',
    ],
  },
  {
    code: '610925', name: '岚皋县', residents2020: 136_000, elderlyShare2024: 0.176,
    hospitals: { general: ['岚皋县医院'], tcm: '岚皋县中医医院', mch: '岚皋县妇幼保健院' },
    urban: ['城关镇'],
    towns: ['佐龙镇', '滔河镇', '官元镇', '石门镇', '民主镇*', '大道河镇', '蔺河镇', '四季镇', '孟石岭镇', '南宫山镇', '堰门镇'],
  },
  {
    code: '610926', name: '平利县', residents2020: 187_000, elderlyShare2024: 0.173,
    hospitals: { general: ['平利县医院'], tcm: '平利县中医医院', mch: '平利县妇幼保健院' },
    urban: ['城关镇'],
    towns: ['兴隆镇', '老县镇*', '大贵镇', '三阳镇', '洛河镇', '广佛镇', '八仙镇', '长安镇*', '西河镇', '正阳镇'],
  },
  {
    code: '610927', name: '镇坪县', residents2020: 48_000, elderlyShare2024: 0.18,
    hospitals: { general: ['镇坪县医院'], tcm: '镇坪县中医医院', mch: '镇坪县妇幼保健院' },
    urban: ['城关镇'],
    towns: ['曾家镇*', '牛头店镇', '钟宝镇', '上竹镇', '华坪镇', '曙坪镇'],
  },
  {
    code: '610929', name: '白河县', residents2020: 160_000, elderlyShare2024: 0.176,
    hospitals: { general: ['白河县医院'], tcm: '白河县中医医院', mch: '白河县妇幼保健院' },
    urban: ['城关镇'],
    towns: ['中厂镇', '构朳镇', '卡子镇*', '茅坪镇', '宋家镇', '西营镇', '仓上镇', '冷水镇', '双丰镇', '麻虎镇'],
  },
  {
    code: '610981', name: '旬阳市', residents2020: 345_000, elderlyShare2024: 0.17,
    hospitals: { general: ['旬阳市医院'], tcm: '旬阳市中医医院', mch: '旬阳市妇幼保健院' },
    urban: ['城关镇'],
    towns: [
      '棕溪镇', '关口镇', '蜀河镇*', '双河镇', '小河镇', '赵湾镇', '麻坪镇', '甘溪镇', '白柳镇', '吕河镇*', '神河镇', '赤岩镇',
      '铜钱关镇', '段家河镇', '金寨镇', '桐木镇', '仙河镇', '构元镇', '石门镇', '红军镇',
    ],
  },
];

/** City-level hospitals, all located in 汉滨区 where the city sits. */
export const ANKANG_CITY_HOSPITALS = {
  county: '610902',
  names: ['安康市中心医院', '安康市中医医院', '安康市人民医院', '安康市妇幼保健院'],
} as const;

/** Where out-of-city referrals go in the demo: 陕西省人民医院, 碑林区, 西安市. */
export const XIAN = {
  city: { code: '610100', name: '西安市' },
  county: { code: '610103', name: '碑林区' },
  provincialHospitals: ['陕西省人民医院'],
} as const;

/** Village name stems; many villages across China share these, so repeats across towns are realistic. */
export const VILLAGE_NAME_STEMS: readonly string[] = [
  '东风', '红星', '胜利', '新华', '光明', '团结', '和平', '五星', '前进', '联合', '双河', '太平', '青山', '石门', '龙王',
  '凤凰', '黄龙', '白鹤', '桃园', '梨树', '茶园', '松林', '柏树', '竹园', '枫树', '青龙', '金星', '花园', '长岭', '高峰',
  '中坝', '新坪', '平安', '永红', '永丰', '兴隆', '盘龙', '双龙', '田坝', '庙坪', '观音', '红岩', '黑虎', '鹿鸣', '王家湾',
  '李家沟', '张家坝', '陈家院', '刘家河', '杨家坪', '吴家庄', '周家湾', '何家沟', '马家河', '胡家坝', '黄家营', '赵家岭',
  '沙坪', '月河', '清泉', '溪口', '河坝', '塘坊', '水井', '石板', '大湾', '小湾', '大坪', '安坪', '天池', '金钟', '铜锣',
  '油坊', '堰塘', '磨坪', '新庄', '老庄', '寨子', '桂花', '莲花', '三合', '四合', '同心', '民主', '丰收', '建设', '先锋',
];

/** Neighbourhood (社区) names for community health stations (社区卫生服务站). */
export const COMMUNITY_NAME_STEMS: readonly string[] = [
  '东关', '西关', '南街', '北街', '新城', '河堤', '东坝', '西坝', '育才', '兴安', '香溪', '巴山', '滨江', '文昌', '紫荆',
  '金州', '水西', '东大街', '西大街', '大桥',
];
