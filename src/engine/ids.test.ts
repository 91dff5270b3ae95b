// Ids are data, never keys of plain objects: ids named like Object.prototype's properties reach the
// report (and its JSON), the position maps of the editor and the canvas' drag routing intact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeScenario, run } from './testScenario';
import type { ScenarioNode } from '../model/types';
import { moveNodes } from '../store/commands';
import { routeNodeChanges } from '../ui/canvas/nodeChanges';

/** valid ids (A-Z a-z 0-9 . _ -) that are names of Object.prototype's properties */
const PROTO_NAMES = ['__proto__', 'constructor', 'valueOf', 'toString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__'];
const names = fc.uniqueArray(fc.constantFrom(...PROTO_NAMES), { minLength: 4, maxLength: 4 });

describe('ids named like Object.prototype properties', () => {
  it('every node appears in the report and in its JSON, with its own figures', () => {
    fc.assert(fc.property(names, fc.integer({ min: 1, max: 20 }), ([p, t, q, h], limit) => {
      const nodes: ScenarioNode[] = [
        { id: p, type: 'publisher', arrival: { kind: 'constant', ratePerSecond: 1000 }, limit },
        { id: t, type: 'topic' }, { id: q, type: 'queue' }, { id: h, type: 'handler', service: { kind: 'constant', value: 0.5 } },
      ];
      const { report } = run(makeScenario(nodes, [[p, t], [t, q], [q, h]]));
      const json = JSON.parse(JSON.stringify(report)) as { nodes: Record<string, { type: string }> };
      expect(Object.keys(json.nodes)).toEqual([p, t, q, h]);
      for (const [id, type] of [[p, 'publisher'], [t, 'topic'], [q, 'queue'], [h, 'handler']]) {
        expect(Object.hasOwn(json.nodes, id)).toBe(true);
        expect(json.nodes[id].type).toBe(type);
      }
      expect(report.totals.completed).toBe(limit);
    }), { numRuns: 60 });
  });

  it('moving one node moves only it; the others keep their places', () => {
    fc.assert(fc.property(names, fc.integer({ min: 0, max: 3 }), fc.integer({ min: -500, max: 500 }), (ids, pick, dx) => {
      const nodes: ScenarioNode[] = ids.map((id, i) => ({ id, type: 'topic', position: { x: i * 100, y: 0 } }));
      const scenario = makeScenario(nodes, []);
      const dragged = ids[pick];
      const routed = routeNodeChanges([{ type: 'position', id: dragged, position: { x: dx, y: 7 }, dragging: false }], [], new Map());
      expect(routed.finished?.size).toBe(1);
      const moved = moveNodes(scenario, routed.finished ?? new Map());
      moved.nodes.forEach((node, i) => {
        expect(node.position).toEqual(node.id === dragged ? { x: dx, y: 7 } : { x: i * 100, y: 0 });
      });
    }), { numRuns: 100 });
  });
});
