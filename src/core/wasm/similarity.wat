;; TOPS Lab similarity kernels: row norms, Gram matrix, token–text cosines (WebAssembly + SIMD),
;; and the greedy updates that TOPS and CDPruner repeat at every pick (DPP residuals, coverage gains).
;;
;; Summation order (the contract shared with the TypeScript fallback in ../gram.ts and
;; ../relevance.ts, and with the GPU's exact recomputation in ../../gpu/exact.ts):
;;   every dot product Σ_c a_c·b_c is ONE sequential float64 sum, c = 0, 1, …, d − 1, starting
;;   from +0; each product of two float32 values is exact in float64. A Gram entry is that sum
;;   rounded once to float32; the diagonal is exactly 1.
;; SIMD never reorders a sum: the two float64 lanes of a vector hold two DIFFERENT entries (two
;; columns j, j+1), each advanced by one term per step. A 3×6 register tile (9 f64x2
;; accumulators) makes each loaded value feed three or six multiply-adds. Multiply and add stay
;; separate instructions (no fused multiply-add): with float32 inputs the product is exact, so a
;; fused one would give the same bits — but nothing here depends on that.
;;
;; Layout: a "panel" holds 6 rows interleaved as float64, [c][6]: panel p, column c, row q is at
;; base + (p·d + c)·48 + q·8. Rows past n are zero. Three consecutive rows 3t…3t+2 lie in one
;; panel (lanes 0–2 or 3–5), so the same panels feed both sides of the tile.
;;
;; Built by scripts/build-wasm.ts (wabt's wat2wasm) into similarity.generated.ts; the build also
;; emits a variant whose imported memory is shared, for worker threads.
(module
  (import "env" "memory" (memory 1)) ;; @memory

  ;; Accumulate the 3×6 tile: x → rows (3 lanes, stride 48), y → a panel (stride 48).
  ;; Writes the 9 accumulators to scratch: row r, columns 2p and 2p+1 at scratch + (3r + p)·16.
  (func $tile (param $x i32) (param $y i32) (param $d i32) (param $scratch i32)
    (local $end i32)
    (local $x0 v128) (local $x1 v128) (local $x2 v128)
    (local $y0 v128) (local $y1 v128) (local $y2 v128)
    (local $a00 v128) (local $a01 v128) (local $a02 v128)
    (local $a10 v128) (local $a11 v128) (local $a12 v128)
    (local $a20 v128) (local $a21 v128) (local $a22 v128)
    (local.set $end (i32.add (local.get $y) (i32.mul (local.get $d) (i32.const 48))))
    (block $done
      (br_if $done (i32.ge_u (local.get $y) (local.get $end)))
      (loop $step
        (local.set $x0 (v128.load64_splat offset=0 (local.get $x)))
        (local.set $x1 (v128.load64_splat offset=8 (local.get $x)))
        (local.set $x2 (v128.load64_splat offset=16 (local.get $x)))
        (local.set $y0 (v128.load offset=0 (local.get $y)))
        (local.set $y1 (v128.load offset=16 (local.get $y)))
        (local.set $y2 (v128.load offset=32 (local.get $y)))
        (local.set $a00 (f64x2.add (local.get $a00) (f64x2.mul (local.get $x0) (local.get $y0))))
        (local.set $a01 (f64x2.add (local.get $a01) (f64x2.mul (local.get $x0) (local.get $y1))))
        (local.set $a02 (f64x2.add (local.get $a02) (f64x2.mul (local.get $x0) (local.get $y2))))
        (local.set $a10 (f64x2.add (local.get $a10) (f64x2.mul (local.get $x1) (local.get $y0))))
        (local.set $a11 (f64x2.add (local.get $a11) (f64x2.mul (local.get $x1) (local.get $y1))))
        (local.set $a12 (f64x2.add (local.get $a12) (f64x2.mul (local.get $x1) (local.get $y2))))
        (local.set $a20 (f64x2.add (local.get $a20) (f64x2.mul (local.get $x2) (local.get $y0))))
        (local.set $a21 (f64x2.add (local.get $a21) (f64x2.mul (local.get $x2) (local.get $y1))))
        (local.set $a22 (f64x2.add (local.get $a22) (f64x2.mul (local.get $x2) (local.get $y2))))
        (local.set $x (i32.add (local.get $x) (i32.const 48)))
        (local.set $y (i32.add (local.get $y) (i32.const 48)))
        (br_if $step (i32.lt_u (local.get $y) (local.get $end)))))
    (v128.store offset=0 (local.get $scratch) (local.get $a00))
    (v128.store offset=16 (local.get $scratch) (local.get $a01))
    (v128.store offset=32 (local.get $scratch) (local.get $a02))
    (v128.store offset=48 (local.get $scratch) (local.get $a10))
    (v128.store offset=64 (local.get $scratch) (local.get $a11))
    (v128.store offset=80 (local.get $scratch) (local.get $a12))
    (v128.store offset=96 (local.get $scratch) (local.get $a20))
    (v128.store offset=112 (local.get $scratch) (local.get $a21))
    (v128.store offset=128 (local.get $scratch) (local.get $a22)))

  ;; Address of row triple t (rows 3t…3t+2) inside the panels.
  (func $triple (param $panels i32) (param $d i32) (param $t i32) (result i32)
    (i32.add (local.get $panels)
      (i32.add (i32.mul (i32.shr_u (local.get $t) (i32.const 1)) (i32.mul (local.get $d) (i32.const 48)))
        (i32.mul (i32.and (local.get $t) (i32.const 1)) (i32.const 24)))))

  ;; Rows f32 (n×d, row-major) → panels f64; rows n … ⌈n/6⌉·6 − 1 become zero.
  (func $pack (export "pack") (param $src i32) (param $n i32) (param $d i32) (param $panels i32)
    (local $row i32) (local $rows i32) (local $c i32) (local $from i32) (local $to i32)
    (local.set $rows (i32.mul (i32.div_u (i32.add (local.get $n) (i32.const 5)) (i32.const 6)) (i32.const 6)))
    (block $rows_done (loop $rows_next
      (br_if $rows_done (i32.ge_u (local.get $row) (local.get $rows)))
      (local.set $to (i32.add (local.get $panels)
        (i32.add (i32.mul (i32.div_u (local.get $row) (i32.const 6)) (i32.mul (local.get $d) (i32.const 48)))
          (i32.mul (i32.rem_u (local.get $row) (i32.const 6)) (i32.const 8)))))
      (local.set $from (i32.add (local.get $src) (i32.shl (i32.mul (local.get $row) (local.get $d)) (i32.const 2))))
      (local.set $c (i32.const 0))
      (block $c_done (loop $c_next
        (br_if $c_done (i32.ge_u (local.get $c) (local.get $d)))
        (f64.store (local.get $to)
          (if (result f64) (i32.lt_u (local.get $row) (local.get $n))
            (then (f64.promote_f32 (f32.load (local.get $from))))
            (else (f64.const 0))))
        (local.set $from (i32.add (local.get $from) (i32.const 4)))
        (local.set $to (i32.add (local.get $to) (i32.const 48)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $c_next)))
      (local.set $row (i32.add (local.get $row) (i32.const 1)))
      (br $rows_next))))

  ;; Unit rows: s = Σ_c x_c² (sequential float64), u_c = f32(x_c · (1 / √s)). Reads src (n×d
  ;; f32), writes dst (n×d f32) and the panels of u. Returns −1, or the first row with s ≤ 0.
  (func (export "unit_rows") (param $src i32) (param $n i32) (param $d i32) (param $dst i32) (param $panels i32) (result i32)
    (local $row i32) (local $c i32) (local $at i32) (local $out i32) (local $s f64) (local $x f64) (local $inv f64) (local $u f32)
    (call $pack (local.get $src) (local.get $n) (local.get $d) (local.get $panels))
    (block $rows_done (loop $rows_next
      (br_if $rows_done (i32.ge_u (local.get $row) (local.get $n)))
      (local.set $at (i32.add (local.get $panels)
        (i32.add (i32.mul (i32.div_u (local.get $row) (i32.const 6)) (i32.mul (local.get $d) (i32.const 48)))
          (i32.mul (i32.rem_u (local.get $row) (i32.const 6)) (i32.const 8)))))
      (local.set $s (f64.const 0))
      (local.set $c (i32.const 0))
      (block $sum_done (loop $sum_next
        (br_if $sum_done (i32.ge_u (local.get $c) (local.get $d)))
        (local.set $x (f64.load (i32.add (local.get $at) (i32.mul (local.get $c) (i32.const 48)))))
        (local.set $s (f64.add (local.get $s) (f64.mul (local.get $x) (local.get $x))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $sum_next)))
      (if (i32.eqz (f64.gt (local.get $s) (f64.const 0))) (then (return (local.get $row))))
      (local.set $inv (f64.div (f64.const 1) (f64.sqrt (local.get $s))))
      (local.set $out (i32.add (local.get $dst) (i32.shl (i32.mul (local.get $row) (local.get $d)) (i32.const 2))))
      (local.set $c (i32.const 0))
      (block $scale_done (loop $scale_next
        (br_if $scale_done (i32.ge_u (local.get $c) (local.get $d)))
        (local.set $u (f32.demote_f64 (f64.mul (f64.load (local.get $at)) (local.get $inv))))
        (f32.store (local.get $out) (local.get $u))
        (f64.store (local.get $at) (f64.promote_f32 (local.get $u)))
        (local.set $at (i32.add (local.get $at) (i32.const 48)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $scale_next)))
      (local.set $row (i32.add (local.get $row) (i32.const 1)))
      (br $rows_next)))
    (i32.const -1))

  ;; G (n×n f32) for row triples [t0, t1) against column panels [p0, p1): tiles wholly below the
  ;; diagonal are skipped; each entry with col ≥ row is written at (row, col) and (col, row).
  (func (export "gram_block") (param $panels i32) (param $g i32) (param $scratch i32) (param $n i32) (param $d i32)
      (param $t0 i32) (param $t1 i32) (param $p0 i32) (param $p1 i32)
    (local $t i32) (local $p i32) (local $r i32) (local $q i32) (local $row i32) (local $col i32) (local $v f32)
    (local.set $t (local.get $t0))
    (block $t_done (loop $t_next
      (br_if $t_done (i32.ge_u (local.get $t) (local.get $t1)))
      (local.set $p (local.get $p0))
      (block $p_done (loop $p_next
        (br_if $p_done (i32.ge_u (local.get $p) (local.get $p1)))
        (if (i32.ge_u (i32.add (i32.mul (local.get $p) (i32.const 6)) (i32.const 5)) (i32.mul (local.get $t) (i32.const 3)))
          (then
            (call $tile
              (call $triple (local.get $panels) (local.get $d) (local.get $t))
              (i32.add (local.get $panels) (i32.mul (local.get $p) (i32.mul (local.get $d) (i32.const 48))))
              (local.get $d) (local.get $scratch))
            (local.set $r (i32.const 0))
            (block $r_done (loop $r_next
              (br_if $r_done (i32.ge_u (local.get $r) (i32.const 3)))
              (local.set $row (i32.add (i32.mul (local.get $t) (i32.const 3)) (local.get $r)))
              (local.set $q (i32.const 0))
              (block $q_done (loop $q_next
                (br_if $q_done (i32.ge_u (local.get $q) (i32.const 6)))
                (local.set $col (i32.add (i32.mul (local.get $p) (i32.const 6)) (local.get $q)))
                (if (i32.and (i32.ge_u (local.get $col) (local.get $row)) (i32.lt_u (local.get $col) (local.get $n)))
                  (then
                    (local.set $v (f32.demote_f64 (f64.load (i32.add (local.get $scratch)
                      (i32.add (i32.mul (local.get $r) (i32.const 48)) (i32.shl (local.get $q) (i32.const 3)))))))
                    (if (i32.eq (local.get $row) (local.get $col)) (then (local.set $v (f32.const 1))))
                    (f32.store (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (local.get $row) (local.get $n)) (local.get $col)) (i32.const 2))) (local.get $v))
                    (f32.store (i32.add (local.get $g) (i32.shl (i32.add (i32.mul (local.get $col) (local.get $n)) (local.get $row)) (i32.const 2))) (local.get $v))))
                (local.set $q (i32.add (local.get $q) (i32.const 1)))
                (br $q_next)))
              (local.set $r (i32.add (local.get $r) (i32.const 1)))
              (br $r_next)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $p_next)))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $t_next))))

  ;; Cosines of rows (panels a, n rows) with rows (panels b, m rows), float64, out[row·m + col],
  ;; for row triples [t0, t1).
  (func (export "cross_block") (param $a i32) (param $b i32) (param $out i32) (param $scratch i32) (param $n i32) (param $m i32) (param $d i32)
      (param $t0 i32) (param $t1 i32)
    (local $t i32) (local $p i32) (local $p1 i32) (local $r i32) (local $q i32) (local $row i32) (local $col i32)
    (local.set $p1 (i32.div_u (i32.add (local.get $m) (i32.const 5)) (i32.const 6)))
    (local.set $t (local.get $t0))
    (block $t_done (loop $t_next
      (br_if $t_done (i32.ge_u (local.get $t) (local.get $t1)))
      (local.set $p (i32.const 0))
      (block $p_done (loop $p_next
        (br_if $p_done (i32.ge_u (local.get $p) (local.get $p1)))
        (call $tile
          (call $triple (local.get $a) (local.get $d) (local.get $t))
          (i32.add (local.get $b) (i32.mul (local.get $p) (i32.mul (local.get $d) (i32.const 48))))
          (local.get $d) (local.get $scratch))
        (local.set $r (i32.const 0))
        (block $r_done (loop $r_next
          (br_if $r_done (i32.ge_u (local.get $r) (i32.const 3)))
          (local.set $row (i32.add (i32.mul (local.get $t) (i32.const 3)) (local.get $r)))
          (local.set $q (i32.const 0))
          (block $q_done (loop $q_next
            (br_if $q_done (i32.ge_u (local.get $q) (i32.const 6)))
            (local.set $col (i32.add (i32.mul (local.get $p) (i32.const 6)) (local.get $q)))
            (if (i32.and (i32.lt_u (local.get $row) (local.get $n)) (i32.lt_u (local.get $col) (local.get $m)))
              (then
                (f64.store (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $row) (local.get $m)) (local.get $col)) (i32.const 3)))
                  (f64.load (i32.add (local.get $scratch)
                    (i32.add (i32.mul (local.get $r) (i32.const 48)) (i32.shl (local.get $q) (i32.const 3))))))))
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

  ;; Greedy DPP bookkeeping (../residuals.ts, addResidual): with e = the new column (already
  ;; holding the kernel row), for t in groups of four, e_i −= ((c_a,j·c_a,i + c_b,j·c_b,i) + c_c,j·c_c,i)
  ;; + c_d,j·c_d,i; then one column at a time; then e_i ·= inv and d2_i −= e_i². The same float64
  ;; operations in the same order as the TypeScript loop, two tokens i per vector.
  (func (export "residual_update") (param $cols i32) (param $count i32) (param $n i32) (param $j i32)
      (param $d2 i32) (param $inv f64)
    (local $t i32) (local $stride i32) (local $e i32) (local $end i32) (local $pairs i32)
    (local $a i32) (local $b i32) (local $c i32) (local $dd i32) (local $i i32)
    (local $ca v128) (local $cb v128) (local $cc v128) (local $cd v128) (local $v v128) (local $iv v128)
    (local.set $stride (i32.shl (local.get $n) (i32.const 3)))
    (local.set $e (i32.add (local.get $cols) (i32.mul (local.get $count) (local.get $stride))))
    (local.set $pairs (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3)))
    (block $groups_done (loop $groups_next
      (br_if $groups_done (i32.ge_s (i32.add (local.get $t) (i32.const 3)) (local.get $count)))
      (local.set $a (i32.add (local.get $cols) (i32.mul (local.get $t) (local.get $stride))))
      (local.set $b (i32.add (local.get $a) (local.get $stride)))
      (local.set $c (i32.add (local.get $b) (local.get $stride)))
      (local.set $dd (i32.add (local.get $c) (local.get $stride)))
      (local.set $ca (v128.load64_splat (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 3)))))
      (local.set $cb (v128.load64_splat (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3)))))
      (local.set $cc (v128.load64_splat (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3)))))
      (local.set $cd (v128.load64_splat (i32.add (local.get $dd) (i32.shl (local.get $j) (i32.const 3)))))
      (local.set $i (i32.const 0))
      (block $pairs_done (loop $pairs_next
        (br_if $pairs_done (i32.ge_u (local.get $i) (local.get $pairs)))
        (local.set $v (f64x2.add
          (f64x2.add
            (f64x2.add
              (f64x2.mul (local.get $ca) (v128.load (i32.add (local.get $a) (local.get $i))))
              (f64x2.mul (local.get $cb) (v128.load (i32.add (local.get $b) (local.get $i)))))
            (f64x2.mul (local.get $cc) (v128.load (i32.add (local.get $c) (local.get $i)))))
          (f64x2.mul (local.get $cd) (v128.load (i32.add (local.get $dd) (local.get $i))))))
        (v128.store (i32.add (local.get $e) (local.get $i))
          (f64x2.sub (v128.load (i32.add (local.get $e) (local.get $i))) (local.get $v)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $pairs_next)))
      (if (i32.and (local.get $n) (i32.const 1))
        (then
          (f64.store (i32.add (local.get $e) (local.get $pairs))
            (f64.sub (f64.load (i32.add (local.get $e) (local.get $pairs)))
              (f64.add
                (f64.add
                  (f64.add
                    (f64.mul (f64x2.extract_lane 0 (local.get $ca)) (f64.load (i32.add (local.get $a) (local.get $pairs))))
                    (f64.mul (f64x2.extract_lane 0 (local.get $cb)) (f64.load (i32.add (local.get $b) (local.get $pairs)))))
                  (f64.mul (f64x2.extract_lane 0 (local.get $cc)) (f64.load (i32.add (local.get $c) (local.get $pairs)))))
                (f64.mul (f64x2.extract_lane 0 (local.get $cd)) (f64.load (i32.add (local.get $dd) (local.get $pairs)))))))))
      (local.set $t (i32.add (local.get $t) (i32.const 4)))
      (br $groups_next)))
    (block $single_done (loop $single_next
      (br_if $single_done (i32.ge_s (local.get $t) (local.get $count)))
      (local.set $a (i32.add (local.get $cols) (i32.mul (local.get $t) (local.get $stride))))
      (local.set $ca (v128.load64_splat (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 3)))))
      (local.set $i (i32.const 0))
      (block $one_done (loop $one_next
        (br_if $one_done (i32.ge_u (local.get $i) (local.get $stride)))
        (if (i32.lt_u (local.get $i) (local.get $pairs))
          (then
            (v128.store (i32.add (local.get $e) (local.get $i))
              (f64x2.sub (v128.load (i32.add (local.get $e) (local.get $i)))
                (f64x2.mul (local.get $ca) (v128.load (i32.add (local.get $a) (local.get $i))))))
            (local.set $i (i32.add (local.get $i) (i32.const 16))))
          (else
            (f64.store (i32.add (local.get $e) (local.get $i))
              (f64.sub (f64.load (i32.add (local.get $e) (local.get $i)))
                (f64.mul (f64x2.extract_lane 0 (local.get $ca)) (f64.load (i32.add (local.get $a) (local.get $i))))))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))))
        (br $one_next)))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $single_next)))
    (local.set $iv (f64x2.splat (local.get $inv)))
    (local.set $i (i32.const 0))
    (block $scale_done (loop $scale_next
      (br_if $scale_done (i32.ge_u (local.get $i) (local.get $stride)))
      (if (i32.lt_u (local.get $i) (local.get $pairs))
        (then
          (local.set $v (f64x2.mul (v128.load (i32.add (local.get $e) (local.get $i))) (local.get $iv)))
          (v128.store (i32.add (local.get $e) (local.get $i)) (local.get $v))
          (v128.store (i32.add (local.get $d2) (local.get $i))
            (f64x2.sub (v128.load (i32.add (local.get $d2) (local.get $i))) (f64x2.mul (local.get $v) (local.get $v))))
          (local.set $i (i32.add (local.get $i) (i32.const 16))))
        (else
          (f64.store (i32.add (local.get $e) (local.get $i))
            (f64.mul (f64.load (i32.add (local.get $e) (local.get $i))) (local.get $inv)))
          (f64.store (i32.add (local.get $d2) (local.get $i))
            (f64.sub (f64.load (i32.add (local.get $d2) (local.get $i)))
              (f64.mul (f64.load (i32.add (local.get $e) (local.get $i))) (f64.load (i32.add (local.get $e) (local.get $i))))))
          (local.set $i (i32.add (local.get $i) (i32.const 8)))))
      (br $scale_next))))

  ;; Facility-location coverage (../coverage.ts), the same float64 operations in the same order
  ;; as the TypeScript loops, two tokens i per vector. K is n×n float32; w, cover, gains float64.
  ;; coverage_init: gains_i = Σ_j (K_ij > 0 ? w_j·K_ij : nothing), j = 0 … n − 1 in order.
  (func (export "coverage_init") (param $k i32) (param $w i32) (param $gains i32) (param $n i32)
    (local $i i32) (local $j i32) (local $row0 i32) (local $row1 i32) (local $kv v128) (local $acc v128) (local $g f64) (local $x f64)
    (block $pairs_done (loop $pairs_next
      (br_if $pairs_done (i32.gt_s (i32.add (local.get $i) (i32.const 2)) (local.get $n)))
      (local.set $row0 (i32.add (local.get $k) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 2))))
      (local.set $row1 (i32.add (local.get $row0) (i32.shl (local.get $n) (i32.const 2))))
      (local.set $acc (v128.const f64x2 0 0))
      (local.set $j (i32.const 0))
      (block $j_done (loop $j_next
        (br_if $j_done (i32.ge_u (local.get $j) (local.get $n)))
        ;; (K_ij, K_i+1,j) as float64
        (local.set $kv (f64x2.replace_lane 1
          (f64x2.splat (f64.promote_f32 (f32.load (i32.add (local.get $row0) (i32.shl (local.get $j) (i32.const 2))))))
          (f64.promote_f32 (f32.load (i32.add (local.get $row1) (i32.shl (local.get $j) (i32.const 2)))))))
        (local.set $acc (v128.bitselect
          (f64x2.add (local.get $acc)
            (f64x2.mul (v128.load64_splat (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3)))) (local.get $kv)))
          (local.get $acc)
          (f64x2.gt (local.get $kv) (v128.const f64x2 0 0))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $j_next)))
      (v128.store (i32.add (local.get $gains) (i32.shl (local.get $i) (i32.const 3))) (local.get $acc))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br $pairs_next)))
    (if (i32.lt_u (local.get $i) (local.get $n))
      (then
        (local.set $row0 (i32.add (local.get $k) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 2))))
        (local.set $g (f64.const 0))
        (local.set $j (i32.const 0))
        (block $tail_done (loop $tail_next
          (br_if $tail_done (i32.ge_u (local.get $j) (local.get $n)))
          (local.set $x (f64.promote_f32 (f32.load (i32.add (local.get $row0) (i32.shl (local.get $j) (i32.const 2))))))
          (if (f64.gt (local.get $x) (f64.const 0))
            (then (local.set $g (f64.add (local.get $g)
              (f64.mul (f64.load (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3)))) (local.get $x))))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br $tail_next)))
        (f64.store (i32.add (local.get $gains) (i32.shl (local.get $i) (i32.const 3))) (local.get $g)))))

  ;; coverage_add: token s joins the kept set. For every j with K_sj > cover_j, and every i with
  ;; K_ij > cover_j: gains_i −= w_j·(min(K_ij, K_sj) − cover_j); then cover_j = K_sj.
  (func (export "coverage_add") (param $k i32) (param $w i32) (param $cover i32) (param $gains i32) (param $n i32) (param $s i32)
    (local $j i32) (local $i i32) (local $row i32) (local $pairs i32) (local $next f64) (local $prev f64) (local $wj f64) (local $x f64)
    (local $nextv v128) (local $prevv v128) (local $wv v128) (local $kv v128) (local $gv v128)
    (local.set $pairs (i32.and (local.get $n) (i32.const -2)))
    (block $j_done (loop $j_next
      (br_if $j_done (i32.ge_u (local.get $j) (local.get $n)))
      (local.set $next (f64.promote_f32 (f32.load (i32.add (local.get $k)
        (i32.shl (i32.add (i32.mul (local.get $s) (local.get $n)) (local.get $j)) (i32.const 2))))))
      (local.set $prev (f64.load (i32.add (local.get $cover) (i32.shl (local.get $j) (i32.const 3)))))
      (if (i32.eqz (f64.le (local.get $next) (local.get $prev)))
        (then
          (local.set $wj (f64.load (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3)))))
          (local.set $nextv (f64x2.splat (local.get $next)))
          (local.set $prevv (f64x2.splat (local.get $prev)))
          (local.set $wv (f64x2.splat (local.get $wj)))
          (local.set $row (i32.add (local.get $k) (i32.shl (i32.mul (local.get $j) (local.get $n)) (i32.const 2))))
          (local.set $i (i32.const 0))
          (block $i_done (loop $i_next
            (br_if $i_done (i32.ge_u (local.get $i) (local.get $pairs)))
            (local.set $kv (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $row) (i32.shl (local.get $i) (i32.const 2))))))
            (local.set $gv (v128.load (i32.add (local.get $gains) (i32.shl (local.get $i) (i32.const 3)))))
            ;; pmin(next, k) = k < next ? k : next
            (v128.store (i32.add (local.get $gains) (i32.shl (local.get $i) (i32.const 3)))
              (v128.bitselect
                (f64x2.sub (local.get $gv)
                  (f64x2.mul (local.get $wv) (f64x2.sub (f64x2.pmin (local.get $nextv) (local.get $kv)) (local.get $prevv))))
                (local.get $gv)
                (f64x2.gt (local.get $kv) (local.get $prevv))))
            (local.set $i (i32.add (local.get $i) (i32.const 2)))
            (br $i_next)))
          (if (i32.lt_u (local.get $pairs) (local.get $n))
            (then
              (local.set $x (f64.promote_f32 (f32.load (i32.add (local.get $row) (i32.shl (local.get $pairs) (i32.const 2))))))
              (if (f64.gt (local.get $x) (local.get $prev))
                (then
                  (f64.store (i32.add (local.get $gains) (i32.shl (local.get $pairs) (i32.const 3)))
                    (f64.sub (f64.load (i32.add (local.get $gains) (i32.shl (local.get $pairs) (i32.const 3))))
                      (f64.mul (local.get $wj)
                        (f64.sub (select (local.get $x) (local.get $next) (f64.lt (local.get $x) (local.get $next))) (local.get $prev)))))))))
          (f64.store (i32.add (local.get $cover) (i32.shl (local.get $j) (i32.const 3))) (local.get $next))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $j_next))))
)
