/**
 * Float-float ("double-f32") arithmetic in WGSL: a value is hi + lo with |lo| ≤ ulp(hi)/2, about
 * 48 significant bits. Products are made exact by splitting each f32 into two 12-bit halves with a
 * bit mask (not Dekker's multiply-by-4097 split, which a compiler may contract into an fma), so
 * every partial product fits in 24 bits and no rounding happens there. Sums use Knuth's TwoSum,
 * which needs IEEE round-to-nearest adds in written order; the backend checks that once at
 * start-up (`compensationHolds`) and refuses the GPU if a compiler reassociates them.
 */
export const FLOAT_FLOAT_WGSL = /* wgsl */ `
fn ff_two_sum(a: f32, b: f32) -> vec2f {
  let s = a + b;
  let bb = s - a;
  return vec2f(s, (a - (s - bb)) + (b - bb));
}

fn ff_split(a: f32) -> vec2f {
  let hi = bitcast<f32>(bitcast<u32>(a) & 0xfffff000u);
  return vec2f(hi, a - hi);
}

/** a·b exactly, as hi + lo. */
fn ff_two_prod(a: f32, b: f32) -> vec2f {
  let x = ff_split(a);
  let y = ff_split(b);
  let p = x.x * y.x;
  var r = ff_two_sum(p, x.x * y.y);
  var e = ff_two_sum(r.x, x.y * y.x);
  r = vec2f(e.x, r.y + e.y);
  e = ff_two_sum(r.x, x.y * y.y);
  return ff_norm(e.x, r.y + e.y);
}

fn ff_norm(hi: f32, lo: f32) -> vec2f {
  return ff_two_sum(hi, lo);
}

/** The accurate float-float sum (both parts added with TwoSum): error ≤ 2u²·|a + b|, u = 2⁻²⁴. */
fn ff_add(a: vec2f, b: vec2f) -> vec2f {
  let s = ff_two_sum(a.x, b.x);
  let t = ff_two_sum(a.y, b.y);
  let u = ff_norm(s.x, s.y + t.x);
  return ff_norm(u.x, u.y + t.y);
}

fn ff_sub(a: vec2f, b: vec2f) -> vec2f { return ff_add(a, -b); }

fn ff_mul(a: vec2f, b: vec2f) -> vec2f {
  let p = ff_two_prod(a.x, b.x);
  return ff_norm(p.x, p.y + (a.x * b.y + a.y * b.x));
}

fn ff_div(a: vec2f, b: vec2f) -> vec2f {
  // One Newton step on the f32 quotient: q + (a − q·b)/b.
  let q = a.x / b.x;
  let r = ff_sub(a, ff_mul(vec2f(q, 0.0), b));
  return ff_add(vec2f(q, 0.0), vec2f(r.x / b.x, 0.0));
}

fn ff_sqrt(a: vec2f) -> vec2f {
  if (a.x <= 0.0) { return vec2f(0.0, 0.0); }
  let s = sqrt(a.x);
  let r = ff_sub(a, ff_two_prod(s, s));
  return ff_add(vec2f(s, 0.0), vec2f(r.x / (2.0 * s), 0.0));
}

/** a > b for normalized float-float values. */
fn ff_gt(a: vec2f, b: vec2f) -> bool {
  return a.x > b.x || (a.x == b.x && a.y > b.y);
}
`;
