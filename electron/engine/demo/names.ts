/**
 * Realistic Chinese personal names for suspects and prosecutors: common surnames weighted roughly
 * by their share of the population (national figures, nudged towards Jiangsu: more 陈, 朱, 徐, 顾,
 * 陆, 沈), given names of one or two characters from pools typical for men and women. Every
 * character is in GBK, since the exports are written in GBK.
 */
import { Weighted, type Random } from './random.ts'

// Surname and weight (‰ of the population, approximate).
// prettier-ignore
const SURNAMES: [string, number][] = [
  ['王', 70], ['李', 68], ['张', 66], ['刘', 52], ['陈', 58], ['杨', 30], ['黄', 22], ['赵', 20], ['吴', 24], ['周', 26],
  ['徐', 26], ['孙', 20], ['马', 14], ['朱', 24], ['胡', 14], ['郭', 12], ['何', 10], ['林', 10], ['高', 12], ['罗', 8],
  ['郑', 8], ['梁', 7], ['谢', 8], ['宋', 8], ['唐', 9], ['许', 10], ['韩', 7], ['冯', 7], ['邓', 6], ['曹', 9],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 6], ['董', 6], ['袁', 6], ['潘', 6], ['蒋', 9], ['蔡', 6], ['余', 5],
  ['杜', 5], ['叶', 6], ['程', 6], ['魏', 5], ['苏', 5], ['吕', 5], ['丁', 8], ['任', 4], ['卢', 4], ['姚', 6],
  ['沈', 10], ['钟', 3], ['姜', 5], ['崔', 3], ['谭', 3], ['陆', 9], ['范', 5], ['汪', 5], ['廖', 2], ['石', 4],
  ['金', 5], ['夏', 5], ['贾', 3], ['方', 4], ['邹', 3], ['熊', 2], ['白', 3], ['孟', 3], ['秦', 4], ['邱', 3],
  ['侯', 3], ['江', 4], ['尹', 2], ['薛', 4], ['闫', 2], ['段', 2], ['雷', 2], ['史', 3], ['陶', 4], ['贺', 2],
  ['毛', 3], ['郝', 2], ['顾', 8], ['龚', 3], ['邵', 4], ['万', 2], ['钱', 6], ['严', 4], ['戴', 5], ['孔', 2],
  ['季', 3], ['汤', 3], ['葛', 4], ['施', 4], ['仲', 2], ['缪', 2], ['华', 3], ['倪', 3], ['殷', 2], ['储', 2],
]

const MALE =
  '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘'
const FEMALE =
  '秀娟英华慧巧美娜静淑惠珠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵卿聪澜纯毓悦昭冰爽琬茗羽宁欣滢筠柔竹霭凝晓欢霄枫芸菲丽妮娇灵玛媚琪晴容睿雯苇萱阅彦宇雨洋忠宗曼紫逸贤'

const surnames = new Weighted(
  SURNAMES.map(([s]) => s),
  SURNAMES.map(([, w]) => w),
)

/** A full name: surname + one (25%) or two given-name characters from the pool of the sex. */
export function personName(random: Random, sex: '男' | '女'): string {
  const pool = sex === '男' ? MALE : FEMALE
  const first = pool[random.int(0, pool.length - 1)]
  if (random.chance(0.25)) return surnames.pick(random) + first
  let second = pool[random.int(0, pool.length - 1)]
  if (second === first && random.chance(0.7)) second = pool[random.int(0, pool.length - 1)]
  return surnames.pick(random) + first + second
}
