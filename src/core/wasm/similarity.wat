;; TOPS Lab similarity kernels: row norms, Gram matrix, token–text cosines (WebAssembly + SIMD).
;;
;; Summation order (the contract shared with the TypeScript fallback in ../gram.ts and
;; ../relevance.ts, and with the GPU's exact recomputation in ../../gpu/exact.ts):
;;   every dot product Σ_c a_c·b_c is ONE sequential float64 sum, c = 0, 1, …, d − 1, starting
;;   from +0; each product of two float32 values is exact in float64. A Gram entry is that sum
;;   rounded once to float32; the diagonal is exactly 1.
;; SIMD never reorders a sum: the two float64 lanes of a vector hold two DIFFERENT entries (two
;; columns j, j+1), each advanced by one term per step. A 4×4 register tile (8 f64x2
;; accumulators) makes each loaded value feed four multiply-adds; it needs 14 vector registers,
;; which V8 keeps in registers in Node 22 and in current Chrome alike (a 3×6 tile, 15 registers,
;; ran as fast in Node but spilled in Chrome, at half the speed). Multiply and add stay separate
;; instructions (no fused multiply-add): with float32 inputs the product is exact, so a fused one
;; would give the same bits — but nothing here depends on that.
;;
;; Layout: a "panel" holds 4 rows interleaved as float64, [c][4]: panel p, column c, row q is at
;; base + (p·d + c)·32 + q·8. Rows past n are zero. Panel t feeds a tile's rows (one value per
;; row, splat) and panel p its columns (two vectors), so one packing serves both sides.
;;
;; Built by scripts/build-wasm.ts (wabt's wat2wasm) into kernels.generated.ts; the build also
;; emits a variant whose imported memory is shared, for worker threads.
(module
  (import "env" "memory" (memory 1)) ;; @memory

  ;; Accumulate the 4×4 tile of panels x (rows) and y (columns) over d steps of c. Writes the 8
  ;; accumulators to scratch: row r, columns 2k and 2k+1 at scratch + (2r + k)·16.
  (func $tile (param $x i32) (param $y i32) (param $d i32) (param $scratch i32)
    (local $end i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128) (local $x3 v128) (local $y0 v128) (local $y1 v128)
    (local $a00 v128) (local $a01 v128) (local $a10 v128) (local $a11 v128)
    (local $a20 v128) (local $a21 v128) (local $a30 v128) (local $a31 v128)
    (local.set $end (i32.add (local.get $y) (i32.shl (local.get $d) (i32.const 5))))
    (block $done
      (br_if $done (i32.ge_u (local.get $y) (local.get $end)))
      (loop $step
        (local.set $x0 (v128.load64_splat offset=0 (local.get $x)))
        (local.set $x1 (v128.load64_splat offset=8 (local.get $x)))
        (local.set $x2 (v128.load64_splat offset=16 (local.get $x)))
        (local.set $x3 (v128.load64_splat offset=24 (local.get $x)))
        (local.set $y0 (v128.load offset=0 (local.get $y)))
        (local.set $y1 (v128.load offset=16 (local.get $y)))
        (local.set $a00 (f64x2.add (local.get $a00) (f64x2.mul (local.get $x0) (local.get $y0))))
        (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (local.get $x0) (local.get $y1))))
        (local.set $a10 (f64x2.add (local.get $a10) (f64x2.mul (local.get $x1) (local.get $y0))))
        (local.set $a11 (f64x2.add (local.get $a11) (f64x2.mul (local.get $x1) (local.get $y1))))
        (local.set $a20 (f64x2.add (local.get $a20) (f64x2.mul (local.get $x2) (local.get $y0))))
        (local.set $a21 (f64x2.add (local.get $a21) (f64x2.mul (local.get $x2) (local.get $y1))))
        (local.set $a30 (f64x2.add (local.get $a30) (f64x2.mul (local.get $x3) (local.get $y0))))
        (local.set $a31 (f64x2.add (local.get $a31) (f64x2.mul (local.get $x3) (local.get $y1))))
        (local.set $x (i32.add (local.get $x) (i32.const 32)))
        (local.set $y (i32.add (local.get $y) (i32.const 32)))
        (br_if $step (i32.lt_u (local.get $y) (local.get $end)))))
    (v128.store offset=0 (local.get $scratch) (local.get $a00))
    (v128.store offset=16 (local.get $scratch) (local.get $a01))
    (v128.store offset=32 (local.get $scratch) (local.get $a10))
    (v128.store offset=48 (local.get $scratch) (local.get $a11))
    (v128.store offset=64 (local.get $scratch) (local.get $a20))
    (v128.store offset=80 (local.get $scratch) (local.get $a21))
    (v128.store offset=96 (local.get $scratch) (local.get $a30))
    (v128.store offset=112 (local.get $scratch) (local.get $a31)))

  ;; Address of panel p.
  (func $panel (param $panels i32) (param $d i32) (param $p i32) (result i32)
    (i32.add (local.get $panels) (i32.mul (local.get $p) (i32.shl (local.get $d) (i32.const 5)))))

  ;; Rows f32 (n×d, row-major) → panels f64; rows n … ⌈n/4⌉·4 − 1 become zero.
  (func $pack (export "pack") (param $src i32) (param $n i32) (param $d i32) (param $panels i32)
    (local $row i32) (local $rows i32) (local $c i32) (local $from i32) (local $to i32)
    (local.set $rows (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)))
    (block $rows_done (loop $rows_next
      (br_if $rows_done (i32.ge_u (local.get $row) (local.get $rows)))
      (local.set $to (i32.add (call $panel (local.get $panels) (local.get $d) (i32.shr_u (local.get $row) (i32.const 2)))
        (i32.shl (i32.and (local.get $row) (i32.const 3)) (i32.const 3))))
      (local.set $from (i32.add (local.get $src) (i32.shl (i32.mul (local.get $row) (local.get $d)) (i32.const 2))))
      (local.set $c (i32.const 0))
      (block $c_done (loop $c_next
        (br_if $c_done (i32.ge_u (local.get $c) (local.get $d)))
        (f64.store (local.get $to)
          (if (result f64) (i32.lt_u (local.get $row) (local.get $n))
            (then (f64.promote_f32 (f32.load (local.get $from))))
            (else (f64.const 0))))
        (local.set $from (i32.add (local.get $from) (i32.const 4)))
        (local.set $to (i32.add (local.get $to) (i32.const 32)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $c_next)))
      (local.set $row (i32.add (local.get $row) (i32.const 1)))
      (br $rows_next))))

  ;; Unit rows: s = Σ_c x_c² (sequential float64), u_c = f32(x_c · (1 / √s)). Reads src (n×d
  ;; f32), writes dst (rows padded to a multiple of 4, × d, f32) and the panels of u. The four
  ;; rows of a panel go together, one per lane. Returns −1, or the first row with s ≤ 0.
  (func (export "unit_rows") (param $src i32) (param $n i32) (param $d i32) (param $dst i32) (param $panels i32) (result i32)
    (local $row i32) (local $at i32) (local $end i32) (local $out i32) (local $rowBytes i32)
    (local $s0 v128) (local $s1 v128) (local $v v128) (local $i0 v128) (local $i1 v128) (local $u v128)
    (call $pack (local.get $src) (local.get $n) (local.get $d) (local.get $panels))
    (local.set $rowBytes (i32.shl (local.get $d) (i32.const 2)))
    (block $rows_done (loop $rows_next
      (br_if $rows_done (i32.ge_u (local.get $row) (local.get $n)))
      (local.set $at (call $panel (local.get $panels) (local.get $d) (i32.shr_u (local.get $row) (i32.const 2))))
      (local.set $end (i32.add (local.get $at) (i32.shl (local.get $d) (i32.const 5))))
      (local.set $s0 (v128.const f64x2 0 0))
      (local.set $s1 (v128.const f64x2 0 0))
      (block $sum_done (loop $sum_next
        (br_if $sum_done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $v (v128.load offset=0 (local.get $at)))
        (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $v) (local.get $v))))
        (local.set $v (v128.load offset=16 (local.get $at)))
        (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $v) (local.get $v))))
        (local.set $at (i32.add (local.get $at) (i32.const 32)))
        (br $sum_next)))
      (if (i32.and (i32.lt_u (i32.add (local.get $row) (i32.const 0)) (local.get $n))
            (i32.eqz (f64.gt (f64x2.extract_lane 0 (local.get $s0)) (f64.const 0))))
        (then (return (i32.add (local.get $row) (i32.const 0)))))
      (if (i32.and (i32.lt_u (i32.add (local.get $row) (i32.const 1)) (local.get $n))
            (i32.eqz (f64.gt (f64x2.extract_lane 1 (local.get $s0)) (f64.const 0))))
        (then (return (i32.add (local.get $row) (i32.const 1)))))
      (if (i32.and (i32.lt_u (i32.add (local.get $row) (i32.const 2)) (local.get $n))
            (i32.eqz (f64.gt (f64x2.extract_lane 0 (local.get $s1)) (f64.const 0))))
        (then (return (i32.add (local.get $row) (i32.const 2)))))
      (if (i32.and (i32.lt_u (i32.add (local.get $row) (i32.const 3)) (local.get $n))
            (i32.eqz (f64.gt (f64x2.extract_lane 1 (local.get $s1)) (f64.const 0))))
        (then (return (i32.add (local.get $row) (i32.const 3)))))
      ;; 1/√s per lane; padding rows (s = 0) get 0 so their panel rows stay zero.
      (local.set $i0 (v128.bitselect (f64x2.div (v128.const f64x2 1 1) (f64x2.sqrt (local.get $s0))) (v128.const f64x2 0 0)
        (f64x2.gt (local.get $s0) (v128.const f64x2 0 0))))
      (local.set $i1 (v128.bitselect (f64x2.div (v128.const f64x2 1 1) (f64x2.sqrt (local.get $s1))) (v128.const f64x2 0 0)
        (f64x2.gt (local.get $s1) (v128.const f64x2 0 0))))
      (local.set $at (i32.sub (local.get $end) (i32.shl (local.get $d) (i32.const 5))))
      (local.set $out (i32.add (local.get $dst) (i32.mul (local.get $row) (local.get $rowBytes))))
      (block $scale_done (loop $scale_next
        (br_if $scale_done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $u (f32x4.demote_f64x2_zero (f64x2.mul (v128.load offset=0 (local.get $at)) (local.get $i0))))
        (f32.store (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const 0))) (f32x4.extract_lane 0 (local.get $u)))
        (f32.store (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const 1))) (f32x4.extract_lane 1 (local.get $u)))
        (v128.store offset=0 (local.get $at) (f64x2.promote_low_f32x4 (local.get $u)))
        (local.set $u (f32x4.demote_f64x2_zero (f64x2.mul (v128.load offset=16 (local.get $at)) (local.get $i1))))
        (f32.store (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const 2))) (f32x4.extract_lane 0 (local.get $u)))
        (f32.store (i32.add (local.get $out) (i32.mul (local.get $rowBytes) (i32.const 3))) (f32x4.extract_lane 1 (local.get $u)))
        (v128.store offset=16 (local.get $at) (f64x2.promote_low_f32x4 (local.get $u)))
        (local.set $at (i32.add (local.get $at) (i32.const 32)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $scale_next)))
      (local.set $row (i32.add (local.get $row) (i32.const 4)))
      (br $rows_next)))
    (i32.const -1))

  ;; G (n×n f32) for row panels [t0, t1) against column panels [p0, p1): tiles below the
  ;; diagonal (p < t) are skipped; each entry with col ≥ row is written at (row, col) and
  ;; (col, row), the diagonal as exactly 1.
  (func (export "gram_block") (param $panels i32) (param $g i32) (param $scratch i32) (param $n i32) (param $d i32)
      (param $t0 i32) (param $t1 i32) (param $p0 i32) (param $p1 i32)
    (local $t i32) (local $p i32) (local $r i32) (local $q i32) (local $row i32) (local $col i32) (local $v f32)
    (local.set $t (local.get $t0))
    (block $t_done (loop $t_next
      (br_if $t_done (i32.ge_u (local.get $t) (local.get $t1)))
      (local.set $p (select (local.get $p0) (local.get $t) (i32.gt_u (local.get $p0) (local.get $t))))
      (block $p_done (loop $p_next
        (br_if $p_done (i32.ge_u (local.get $p) (local.get $p1)))
        (call $tile (call $panel (local.get $panels) (local.get $d) (local.get $t))
          (call $panel (local.get $panels) (local.get $d) (local.get $p)) (local.get $d) (local.get $scratch))
        (local.set $r (i32.const 0))
        (block $r_done (loop $r_next
          (br_if $r_done (i32.ge_u (local.get $r) (i32.const 4)))
          (local.set $row (i32.add (i32.shl (local.get $t) (i32.const 2)) (local.get $r)))
          (local.set $q (i32.const 0))
          (block $q_done (loop $q_next
            (br_if $q_done (i32.ge_u (local.get $q) (i32.const 4)))
            (local.set $col (i32.add (i32.shl (local.get $p) (i32.const 2)) (local.get $q)))
            (if (i32.and (i32.ge_u (local.get $col) (local.get $row)) (i32.lt_u (local.get $col) (local.get $n)))
              (then
                (local.set $v (f32.demote_f64 (f64.load (i32.add (local.get $scratch)
                  (i32.add (i32.shl (local.get $r) (i32.const 5)) (i32.shl (local.get $q) (i32.const 3)))))))
                (if (i32.eq (local.get $row) (local.get $col)) (then (local.set $v (f32.const 1))))
                (f32.store (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (local.get $row) (local.get $n)) (local.get $col)) (i32.const 2))) (local.get $v))
                (f32.store (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (local.get $col) (local.get $n)) (local.get $row)) (i32.const 2))) (local.get $v))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $q_next)))
          (local.set $r (i32.add (local.get $r) (i32.const 1)))
          (br $r_next)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $p_next)))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $t_next))))

  ;; Cosines of rows (panels a, n rows) with rows (panels b, m rows), float64, out[row·m + col].
  (func (export "cross") (param $a i32) (param $b i32) (param $out i32) (param $scratch i32) (param $n i32) (param $m i32) (param $d i32)
    (local $t i32) (local $t1 i32) (local $p i32) (local $p1 i32) (local $r i32) (local $q i32) (local $row i32) (local $col i32)
    (local.set $t1 (i32.shr_u (i32.add (local.get $n) (i32.const 3)) (i32.const 2)))
    (local.set $p1 (i32.shr_u (i32.add (local.get $m) (i32.const 3)) (i32.const 2)))
    (block $t_done (loop $t_next
      (br_if $t_done (i32.ge_u (local.get $t) (local.get $t1)))
      (local.set $p (i32.const 0))
      (block $p_done (loop $p_next
        (br_if $p_done (i32.ge_u (local.get $p) (local.get $p1)))
        (call $tile (call $panel (local.get $a) (local.get $d) (local.get $t))
          (call $panel (local.get $b) (local.get $d) (local.get $p)) (local.get $d) (local.get $scratch))
        (local.set $r (i32.const 0))
        (block $r_done (loop $r_next
          (br_if $r_done (i32.ge_u (local.get $r) (i32.const 4)))
          (local.set $row (i32.add (i32.shl (local.get $t) (i32.const 2)) (local.get $r)))
          (local.set $q (i32.const 0))
          (block $q_done (loop $q_next
            (br_if $q_done (i32.ge_u (local.get $q) (i32.const 4)))
            (local.set $col (i32.add (i32.shl (local.get $p) (i32.const 2)) (local.get $q)))
            (if (i32.and (i32.lt_u (local.get $row) (local.get $n)) (i32.lt_u (local.get $col) (local.get $m)))
              (then
                (f64.store (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $row) (local.get $m)) (local.get $col)) (i32.const 3)))
                  (f64.load (i32.add (local.get $scratch)
                    (i32.add (i32.shl (local.get $r) (i32.const 5)) (i32.shl (local.get $q) (i32.const 3))))))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $q_next)))
          (local.set $r (i32.add (local.get $r) (i32.const 1)))
          (br $r_next)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $p_next)))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $t_next))))

  ;; K = max(0, G) elementwise over count floats, as `g > 0 ? g : 0` (so −0 and NaN give +0).
  (func (export "coverage") (param $g i32) (param $k i32) (param $count i32)
    (local $end i32) (local $v f32)
    (local.set $end (i32.add (local.get $g) (i32.shl (i32.and (local.get $count) (i32.const -4)) (i32.const 2))))
    (block $vec_done (loop $vec_next
      (br_if $vec_done (i32.ge_u (local.get $g) (local.get $end)))
      ;; pmax(0, g) = 0 < g ? g : 0
      (v128.store (local.get $k) (f32x4.pmax (v128.const f32x4 0 0 0 0) (v128.load (local.get $g))))
      (local.set $g (i32.add (local.get $g) (i32.const 16)))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br $vec_next)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $count) (i32.const 3)) (i32.const 2))))
    (block $tail_done (loop $tail_next
      (br_if $tail_done (i32.ge_u (local.get $g) (local.get $end)))
      (local.set $v (f32.load (local.get $g)))
      (f32.store (local.get $k) (select (local.get $v) (f32.const 0) (f32.gt (local.get $v) (f32.const 0))))
      (local.set $g (i32.add (local.get $g) (i32.const 4)))
      (local.set $k (i32.add (local.get $k) (i32.const 4)))
      (br $tail_next))))
)
