// Standard exponential draws by the ziggurat method (Marsaglia & Tsang 2000, 256 layers): one 32-bit
// draw and a table look-up for ~99% of values, a logarithm only in the rare edge and tail cases.
import type { Rng } from './random';
import { exp, log } from './detmath'; // bit-identical on every JavaScript engine

const LAYERS = 256;
const SCALE = 16777216; // 2^24: the high 24 bits of a draw place x inside its layer, the low 8 pick the layer
/** ke[i]: x falls safely inside layer i when its 24-bit draw is below this */
const ke = new Uint32Array(LAYERS);
/** we[i]: layer i's width per 24-bit step */
const we = new Float64Array(LAYERS);
/** fe[i]: the density exp(-x) at layer i's right edge */
const fe = new Float64Array(LAYERS);
const TAIL_START = 7.697117470131487;

(function buildTables(): void {
  const ve = 3.949659822581572e-3; // each layer's area
  let de = TAIL_START;
  let te = de;
  const q = ve / exp(-de);
  ke[0] = Math.floor((de / q) * SCALE);
  ke[1] = 0;
  we[0] = q / SCALE;
  we[LAYERS - 1] = de / SCALE;
  fe[0] = 1;
  fe[LAYERS - 1] = exp(-de);
  for (let i = LAYERS - 2; i >= 1; i--) {
    de = -log(ve / de + exp(-de));
    ke[i + 1] = Math.floor((de / te) * SCALE);
    te = de;
    fe[i] = exp(-de);
    we[i] = de / SCALE;
  }
})();

/** an exponential draw with mean 1 */
export function standardExponential(rng: Rng): number {
  const u = rng.nextInt32(); // (& and >>> read its 32 bits as they read the unsigned draw's)
  const iz = u & 255;
  const jz = u >>> 8;
  if (jz < ke[iz]) return jz * we[iz];
  return +edge(rng, iz, jz); // unary plus: a number to the optimizer, so the common path above returns an unboxed double
}

/** the rare cases: the tail beyond the last layer, or a point near a layer's curved edge */
function edge(rng: Rng, iz: number, jz: number): number {
  for (;;) {
    if (iz === 0) return TAIL_START - log(1 - rng.next());
    const x = jz * we[iz];
    if (fe[iz] + rng.next() * (fe[iz - 1] - fe[iz]) < exp(-x)) return x;
    const u = rng.nextInt32();
    iz = u & 255;
    jz = u >>> 8;
    if (jz < ke[iz]) return jz * we[iz];
  }
}
