// The engine's hot classes rely on class fields compiled as plain assignments (tsconfig: useDefineForClassFields
// false). Defined first as undefined (the ES2022 default), a field that then holds a typed array or an object is
// typed "any" by V8, and every read of it in optimised code checks the map of what it loaded: 6–7 % of the
// M/M/1's time (docs/benchmarks.md, sixth pass). This checks what the compiler emits in the test pipeline (the
// browser build and tsx read the same tsconfig).
import { describe, expect, it } from 'vitest';

describe('class fields', () => {
  it('are assigned in the constructor, not defined first as undefined', () => {
    class Probe {
      declaredOnly!: Int32Array;
      initialised = 1;
    }
    const probe = new Probe();
    expect(Object.prototype.hasOwnProperty.call(probe, 'declaredOnly')).toBe(false);
    expect(probe.initialised).toBe(1);
  });
});
