;; TOPS Lab greedy updates that TOPS and CDPruner repeat at every pick, in WebAssembly + SIMD:
;; the DPP residuals (../residuals.ts) and the facility-location coverage gains (../coverage.ts).
;;
;; Each performs the same float64 operations in the same order as its TypeScript loop, for two
;; tokens i at a time (the two lanes of a vector are two tokens, never two terms of one sum); a
;; conditional update is computed for both lanes and then selected. Each state lives in a memory
;; of its own, sized when the state is made and never grown.
;;
;; Built by scripts/build-wasm.ts (wabt's wat2wasm) into kernels.generated.ts.
(module
  (import "env" "memory" (memory 1))

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
