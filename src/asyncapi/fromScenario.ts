// Export (asyncapi.md): one AsyncAPI 3.0.0 document per application (publisher or handler) and a shared
// components file for messages used by several documents. Everything AsyncAPI cannot say travels in
// x-eventflow-* fields, so importing the files gives the same scenario back.
import { stringify } from 'yaml';
import type { Scenario, ScenarioEdge, ScenarioNode } from '../model/types';
import { EXT } from './defaults';
import { IdMaker } from './ids';
import type { ScenarioExtension } from './restore';
import type { InputFile, Json, JsonObject } from './types';

export const ASYNCAPI_VERSION = '3.0.0';
const isApplication = (node: ScenarioNode): boolean => node.type === 'publisher' || node.type === 'handler';

/** A channel of the export: a topic or queue node, or a direct edge between two applications. */
interface Channel {
  key: string;
  address: string;
  message: string;
  messageKey: string;
}

function eventName(node: ScenarioNode): string {
  const asyncapi = node['x-asyncapi'];
  const messages = asyncapi !== null && typeof asyncapi === 'object' && !Array.isArray(asyncapi) ? (asyncapi as JsonObject).messages : undefined;
  if (Array.isArray(messages) && typeof messages[0] === 'string') return messages[0];
  return node.label ?? node.id;
}

function addressOf(node: ScenarioNode): string {
  const asyncapi = node['x-asyncapi'];
  const address = asyncapi !== null && typeof asyncapi === 'object' && !Array.isArray(asyncapi) ? (asyncapi as JsonObject).address : undefined;
  return typeof address === 'string' ? address : node.id;
}

export function fromScenario(scenario: Scenario): InputFile[] {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  const { nodes: _nodes, edges: _edges, ...fields } = scenario;
  const extension: ScenarioExtension = {
    scenario: JSON.parse(JSON.stringify(fields)) as JsonObject,
    nodes: JSON.parse(JSON.stringify(scenario.nodes.filter((node) => !isApplication(node)))) as Json[],
    edges: JSON.parse(JSON.stringify(scenario.edges)) as Json[],
    order: scenario.nodes.map((node) => node.id),
  };
  const channels = new Map<string, Channel>();
  const messageKeys = new IdMaker();
  const channelFor = (edge: ScenarioEdge): Channel => {
    const source = byId.get(edge.source) as ScenarioNode;
    const target = byId.get(edge.target) as ScenarioNode;
    const via = !isApplication(target) ? target : !isApplication(source) ? source : undefined;
    const key = via ? via.id : `${source.id}-to-${target.id}`;
    const known = channels.get(key);
    if (known) return known;
    const message = via ? eventName(via) : (source.type === 'publisher' ? source.event : undefined) ?? source.label ?? source.id;
    const channel: Channel = { key, address: via ? addressOf(via) : `${source.id}/${target.id}`, message, messageKey: messageKeys.make(key) };
    channels.set(key, channel);
    return channel;
  };
  // which documents use each channel: a message used by two or more goes to the shared file
  const apps = scenario.nodes.filter(isApplication);
  const uses = new Map<string, Set<string>>();
  const plan = apps.map((app) => {
    const sends = scenario.edges.filter((edge) => edge.source === app.id).map(channelFor);
    const receives = scenario.edges.filter((edge) => edge.target === app.id).map(channelFor);
    for (const channel of [...sends, ...receives]) uses.set(channel.key, (uses.get(channel.key) ?? new Set()).add(app.id));
    return { app, sends, receives };
  });
  const fileIds = new IdMaker(['components']);
  const sharedFile = 'components.yaml';
  const sharedMessages: JsonObject = {};
  const files: InputFile[] = [];
  for (const { app, sends, receives } of plan) {
    const channelsOut: JsonObject = {};
    const operations: JsonObject = {};
    const opKeys = new IdMaker();
    const addChannel = (channel: Channel) => {
      const shared = (uses.get(channel.key)?.size ?? 0) > 1;
      if (shared) sharedMessages[channel.messageKey] = { name: channel.message };
      channelsOut[channel.key] = {
        address: channel.address,
        messages: { [channel.messageKey]: shared ? { $ref: `./${sharedFile}#/components/messages/${channel.messageKey}` } : { name: channel.message } },
      };
    };
    for (const [action, list] of [['send', sends], ['receive', receives]] as const) {
      for (const channel of list) {
        addChannel(channel);
        const key = opKeys.make(`${action}-${channel.key}`);
        operations[key] = { action, channel: { $ref: `#/channels/${channel.key}` }, messages: [{ $ref: `#/channels/${channel.key}/messages/${channel.messageKey}` }] };
      }
    }
    const doc: JsonObject = {
      asyncapi: ASYNCAPI_VERSION,
      info: { title: app.label ?? app.id, version: '1.0.0', description: `${app.type === 'publisher' ? 'Publisher' : 'Handler'} "${app.id}" of the EventFlow scenario "${scenario.name}".`, [EXT.node]: JSON.parse(JSON.stringify(app)) as Json },
      [EXT.scenario]: extension as unknown as Json,
      channels: channelsOut,
      operations,
    };
    files.push({ path: `${fileIds.make(app.id)}.yaml`, text: stringify(doc, { lineWidth: 0 }) });
  }
  const shared: JsonObject = {
    asyncapi: ASYNCAPI_VERSION,
    info: { title: `${scenario.name}: shared messages`, version: '1.0.0', description: 'Messages used by several applications of the EventFlow scenario; the other documents refer to them.' },
    [EXT.scenario]: extension as unknown as Json,
    components: { messages: sharedMessages },
  };
  files.push({ path: sharedFile, text: stringify(shared, { lineWidth: 0 }) });
  return files;
}
