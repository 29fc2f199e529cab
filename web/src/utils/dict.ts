// Suggested values for free-text fields. They are data (stored as typed, in Chinese), not UI
// text, so they are not translated; people may also type a value that is not listed.

export const INDUSTRIES = [
  '集成电路',
  '新一代信息技术',
  '北斗与卫星应用',
  '智能传感器',
  '智能装备',
  '新能源',
  '新材料',
  '生物医药',
  '数字创意',
  '现代服务业',
  '城市建设',
  '建筑业',
]

export const ENTERPRISE_TAGS = ['高新技术企业', '科技型中小企业', '规上企业', '专精特新企业', '瞪羚企业', '上市企业']
