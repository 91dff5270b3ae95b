// 中文：看懂一次运行（画布上的动画）与课堂整洁：'seeing.…' 键。
export const seeing = {
  'seeing.partition': '分区{p}',
  'seeing.stored': '{count}',
  'seeing.owner': '→ {owner}',
  'seeing.noOwner': '尚未读取',
};
