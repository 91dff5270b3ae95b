// 中文：画布上的动画（运动）与课堂整洁：'seeing.…' 键。
export const motion = {
  'seeing.partition': '分区{p}',
  'seeing.stored': '{count}',
  'seeing.owner': '→ {owner}',
  'seeing.noOwner': '尚未读取',
  'seeing.warnings': '警告',
  'seeing.warning.publisherNoWayOut': '发布者“{name}”没有连接任何节点：它的消息无处可去。请把它连到主题、队列或处理器。',
  'seeing.warning.topicNoWayOut': '主题“{name}”没有订阅者：收到的每条消息都会丢失。请把它连到队列或处理器。',
  'seeing.warning.handlerFedByNothing': '处理器“{name}”没有任何输入：它永远不会处理消息。请把发布者、主题或队列连到它。',
  'seeing.runStopped': '图已改变，运行已停止。点“运行”会用新图从 0 重新开始。',
  'seeing.dockResize': '调整结果面板高度',
  'seeing.dockMaximize': '最大化',
  'seeing.dockRestore': '恢复面板大小',
};
