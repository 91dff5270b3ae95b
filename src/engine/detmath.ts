// Deterministic log, exp, log1p, cos, sin for the engine: fdlibm ports (the versions V8's ieee754.cc used, so
// Node 20 results keep their bits) built only from IEEE-exact operations (+ − × ÷, comparisons, bit access), so
// every JavaScript engine gives the same bits; Math.log/exp/cos differ in the last bit between V8 versions.

// Bit access through one shared 8-byte buffer. Every platform this runs on is little-endian (x86-64, ARM64,
// WebAssembly hosts), but the word order is checked once so a big-endian host would still read the right words.
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
f64[0] = 1; // 0x3ff00000_00000000: the high word is the non-zero one
const HI = u32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/**
 * POW2[POW2_BIAS + e] = 2^e for e in [−1074, 1023], built by exact doublings and halvings. fdlibm rewrites a
 * double's exponent field in place; multiplying by a power of two gives the same bits (the results here are
 * normal numbers) and avoids writing half a double and reading it back whole, which stalls the CPU.
 */
const POW2_BIAS = 1074;
const POW2 = new Float64Array(POW2_BIAS + 1024);
POW2[POW2_BIAS] = 1;
for (let e = 1; e <= 1023; e++) POW2[POW2_BIAS + e] = POW2[POW2_BIAS + e - 1] * 2;
for (let e = -1; e >= -1074; e--) POW2[POW2_BIAS + e] = POW2[POW2_BIAS + e + 1] / 2;

/** the high 32 bits of x as a signed integer (fdlibm's __HI) */
function highWord(x: number): number {
  f64[0] = x;
  return u32[HI] | 0;
}

const TWO54 = 1.80143985094819840000e+16; // 0x43500000 00000000
const LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const LG1 = 6.666666666666735130e-01; // 0x3FE55555 55555593
const LG2 = 3.999999999940941908e-01; // 0x3FD99999 9997FA04
const LG3 = 2.857142874366239149e-01; // 0x3FD24924 94229359
const LG4 = 2.222219843214978396e-01; // 0x3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-01; // 0x3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-01; // 0x3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-01; // 0x3FC2F112 DF3E5244

/** Natural logarithm (fdlibm e_log.c), error < 1 ulp. log(±0) = −∞, log(x<0) = NaN, log(∞) = ∞. */
export function log(x: number): number {
  // the common case only (a normal positive x not within 2^-20 of a power of two), small enough for V8 to
  // inline at the call site, which also spares boxing the result; everything else goes to logAll
  f64[0] = x;
  let hx = u32[HI] | 0;
  if (hx < 0x00100000 || hx >= 0x7ff00000) return logAll(x);
  const exponent = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  if ((0x000fffff & (2 + hx)) < 3) return logAll(x);
  let i = (hx + 0x95f64) & 0x100000;
  const k = exponent + (i >> 20); // x = 2^k · m with m in [√2/2, √2)
  const f = x * POW2[POW2_BIAS - k] - 1.0; // fdlibm: __HI(x) = hx | (i ^ 0x3ff00000)
  const s = f / (2.0 + f);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - ((hfsq - (s * (hfsq + R) + k * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - R) : k * LN2_HI - ((s * (f - R) - k * LN2_LO) - f);
}

/** fdlibm's e_log.c whole: every x (log takes the common case itself, with the very same operations) */
function logAll(x: number): number {
  f64[0] = x;
  let hx = u32[HI] | 0;
  const lx = u32[LO];
  let k = 0;
  if (hx < 0x00100000) { // x < 2^-1022: zero, subnormal or negative
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54; // scale a subnormal up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // ∞ or NaN
  const exponent = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  const scale = exponent + (i >> 20); // x = 2^scale · m with m in [√2/2, √2)
  k += scale;
  const f = x * POW2[POW2_BIAS - scale] - 1.0; // fdlibm: __HI(x) = hx | (i ^ 0x3ff00000)
  if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - ((R - k * LN2_LO) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - ((hfsq - (s * (hfsq + R) + k * LN2_LO)) - f);
  }
  return k === 0 ? f - s * (f - R) : k * LN2_HI - ((s * (f - R) - k * LN2_LO) - f);
}

/** log(1 + x), accurate for small x (FreeBSD s_log1p.c), error < 1 ulp. log1p(−1) = −∞, log1p(x<−1) = NaN. */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) { // x < 0.41422
    if (ax >= 0x3ff00000) { // x <= -1.0 (or a negative NaN)
      return x === -1.0 ? -Infinity : NaN;
    }
    if (ax < 0x3e200000) { // |x| < 2^-29
      return ax < 0x3c900000 ? x : x - x * x * 0.5; // |x| < 2^-54: x itself
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) { // -0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x; // +∞ or NaN
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1.0 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu >= 0x6a09e) { // normalize u/2 rather than u
      k += 1;
      hu = (0x00100000 - hu) >> 2;
    }
    f = u * POW2[POW2_BIAS - k] - 1.0; // fdlibm: __HI(u) = hu | 0x3ff00000 (or 0x3fe00000)
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) { // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const R = hfsq * (1.0 - 0.6666666666666666 * f);
    return k === 0 ? f - R : k * LN2_HI - ((R - (k * LN2_LO + c)) - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const R = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - ((hfsq - (s * (hfsq + R) + (k * LN2_LO + c))) - f);
}

const O_THRESHOLD = 7.09782712893383973096e+02; // 0x40862E42 FEFA39EF
const U_THRESHOLD = -7.45133219101941108420e+02; // 0xc0874910 D52D3051
const INV_LN2 = 1.44269504088896338700e+00; // 0x3ff71547 652b82fe
const TWO_M1000 = 9.33263618503218878990e-302; // 2^-1000
const P1 = 1.66666666666666019037e-01; // 0x3FC55555 5555553E
const P2 = -2.77777777770155933842e-03; // 0xBF66C16C 16BEBD93
const P3 = 6.61375632143793436117e-05; // 0x3F11566A AF25DE2C
const P4 = -1.65339022054652515390e-06; // 0xBEBBBD41 C5D26BF1
const P5 = 4.13813679705723846039e-08; // 0x3E663769 72BEA4D0

/** exp of NaN, ±∞, or |x| past the overflow and underflow thresholds */
function expSpecial(x: number): number {
  if (x !== x) return x + x; // NaN
  return x > 0 ? Infinity : 0; // exp(∞) and overflow; exp(−∞) and underflow
}

/** e^x (fdlibm e_exp.c), error < 1 ulp. exp(−∞) = 0, exp(∞) = ∞, overflow to ∞ above ~709.78. */
export function exp(x: number): number {
  f64[0] = x;
  let hx = u32[HI];
  const negative = hx >>> 31 === 1;
  hx &= 0x7fffffff;
  // |x| >= 709.78...: NaN, ±∞, overflow and underflow in a function of their own (keeps exp small enough to inline)
  if (hx >= 0x40862e42 && (hx >= 0x7ff00000 || x > O_THRESHOLD || x < U_THRESHOLD)) return expSpecial(x);
  let k = 0;
  let hi = 0;
  let lo = 0;
  if (hx > 0x3fd62e42) { // |x| > 0.5 ln2: reduce to |r| <= 0.5 ln2
    if (hx < 0x3ff0a2b2) { // and |x| < 1.5 ln2
      if (negative) { hi = x + LN2_HI; lo = -LN2_LO; k = -1; } else { hi = x - LN2_HI; lo = LN2_LO; k = 1; }
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0; // truncation toward zero, as C's (int)
      hi = x - k * LN2_HI; // exact here
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) { // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - ((lo - (x * c) / (2.0 - c)) - hi);
  // fdlibm adds k to y's exponent field; y · 2^k is the same (exact) number
  if (k >= -1021) return k === 1024 ? y * 2 * POW2[POW2_BIAS + 1023] : y * POW2[POW2_BIAS + k];
  return y * POW2[POW2_BIAS + k + 1000] * TWO_M1000;
}

// cos and sin: fdlibm 5.3's k_cos.c / k_sin.c (the kernels of V8's ieee754.cc) on [−π/4, π/4] after a
// Cody–Waite reduction by π/2 in up to three steps (e_rem_pio2.c's medium case), exact enough for
// |x| < 2^20·π/2 ≈ 1.6e6; beyond that they give NaN (the engine only takes cos of angles in [0, 2π);
// a Payne–Hanek reduction for huge arguments was not worth the code).
const C1 = 4.16666666666666019037e-02; // 0x3FA55555 5555554C
const C2 = -1.38888888888741095749e-03; // 0xBF56C16C 16C15177
const C3 = 2.48015872894767294178e-05; // 0x3EFA01A0 19CB1590
const C4 = -2.75573143513906633035e-07; // 0xBE927E4F 809C52AD
const C5 = 2.08757232129817482790e-09; // 0x3E21EE9E BDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9 BE8838D4
const S1 = -1.66666666666666324348e-01; // 0xBFC55555 55555549
const S2 = 8.33333333332248946124e-03; // 0x3F811111 1110F8A6
const S3 = -1.98412698298579493134e-04; // 0xBF2A01A0 19C161D5
const S4 = 2.75573137070700676789e-06; // 0x3EC71DE3 57B1FE7D
const S5 = -2.50507602534068634195e-08; // 0xBE5AE5E6 8A2B9CEB
const S6 = 1.58969099521155010221e-10; // 0x3DE5D93A 5ACFD57C
const INV_PIO2 = 6.36619772367581382433e-01; // 0x3FE45F30 6DC9C883
const PIO2_1 = 1.57079632673412561417e+00; // 0x3FF921FB 54400000: first 33 bits of π/2
const PIO2_1T = 6.07710050650619224932e-11; // 0x3DD0B461 1A626331: π/2 − PIO2_1
const PIO2_2 = 6.07710050630396597660e-11; // 0x3DD0B461 1A600000: next 33 bits
const PIO2_2T = 2.02226624879595063154e-21; // 0x3BA3198A 2E037073
const PIO2_3 = 2.02226624871116645580e-21; // 0x3BA3198A 2E000000: next 33 bits
const PIO2_3T = 8.47842766036889956997e-32; // 0x397B839A 252049C1
const ROUNDER = 6755399441055744; // 1.5·2^52: adding and subtracting it rounds to the nearest integer (ties to even)

/** the reduced argument x − n·π/2 = reduced[0] + reduced[1], written by reducePio2 and read right after
 * (a typed array rather than two module variables, which would box a fresh heap number on every write) */
const reduced = new Float64Array(2);

/** n with x = n·π/2 + r, |r| <= ~π/4, r left in reduced[0] + reduced[1]; x finite with |x| < 2^20·π/2 */
function reducePio2(x: number, ix: number): number {
  const fn = (x * INV_PIO2 + ROUNDER) - ROUNDER;
  const n = fn | 0;
  let r = x - fn * PIO2_1;
  let w = fn * PIO2_1T; // first round, good to 85 bits
  const j = ix >> 20;
  let y0 = r - w;
  if (j - ((highWord(y0) >> 20) & 0x7ff) > 16) { // second round, good to 118 bits
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - ((t - r) - w);
    y0 = r - w;
    if (j - ((highWord(y0) >> 20) & 0x7ff) > 49) { // third round, good to 151 bits: covers all cases
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - ((t - r) - w);
      y0 = r - w;
    }
  }
  reduced[0] = y0;
  reduced[1] = (r - y0) - w;
  return n;
}

/** cos(x + y) for |x + y| <= ~π/4, y the tail of x */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y));
  let qx = 0.28125;
  if (ix <= 0x3fe90000) { // |x| <= 0.78125: qx = |x|/4 with its low word cleared (fdlibm's INSERT_WORDS)
    const quarter = (x < 0 ? -x : x) / 4; // in [0.075, 0.196]: exponent −4 or −3, 20 mantissa bits kept
    const unit = quarter < 0.125 ? 5.9604644775390625e-8 : 1.1920928955078125e-7; // 2^-24 or 2^-23
    qx = Math.floor(quarter / unit) * unit;
  }
  const iz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (iz - (z * r - x * y));
}

/** sin(x + y) for |x + y| <= ~π/4, y the tail of x; withTail false when x is exact (fdlibm's iy) */
function kernelSin(x: number, y: number, withTail: boolean): number {
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (!withTail) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

/** Cosine, error < 1 ulp for |x| < 2^20·π/2 (≈ 1.647e6); NaN beyond that, for ±∞ and for NaN. */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) { // |x| ~<= π/4
    if (ix < 0x3e46a09e) return 1; // |x| < 2^-27·√2
    return kernelCos(x, 0);
  }
  if (ix >= 0x413921fb) return NaN; // beyond the reduction's range, ∞ or NaN
  const n = reducePio2(x, ix);
  switch (n & 3) {
    case 0: return kernelCos(reduced[0], reduced[1]);
    case 1: return -kernelSin(reduced[0], reduced[1], true);
    case 2: return -kernelCos(reduced[0], reduced[1]);
    default: return kernelSin(reduced[0], reduced[1], true);
  }
}

/** Sine, error < 1 ulp for |x| < 2^20·π/2 (≈ 1.647e6); NaN beyond that, for ±∞ and for NaN. */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) { // |x| ~<= π/4
    if (ix < 0x3e500000) return x; // |x| < 2^-26
    return kernelSin(x, 0, false);
  }
  if (ix >= 0x413921fb) return NaN;
  const n = reducePio2(x, ix);
  switch (n & 3) {
    case 0: return kernelSin(reduced[0], reduced[1], true);
    case 1: return kernelCos(reduced[0], reduced[1]);
    case 2: return -kernelSin(reduced[0], reduced[1], true);
    default: return -kernelCos(reduced[0], reduced[1]);
  }
}
