;; Discordant-pair count for kendallCorrelationMatrix, with WebAssembly 128-bit SIMD: Knight's
;; O(n log n) count with the merge sort replaced by a prefix-count structure over y ordinals, walked
;; in x's order (see kendallTauFromRanks.ts for the JS kernel it replaces and its identities).
;;
;; discordant(xOrder, yOrdinal, yTieEnd, n, counts): for k = 0 .. n-1 in x's ascending order, point
;; p = xOrder[k] is discordant with the earlier points whose y ordinal exceeds yTieEnd[p] (those
;; tied with p in y are not), so the count is sum_k (k - #{inserted ordinals <= yTieEnd[p]}); then
;; yOrdinal[p] is inserted. x must have no ties (the caller swaps x and y when only x has them,
;; and takes the JS kernel when both do). Byte addresses; n in points; returns the count.
;;
;; The structure (why: the JS kernel's cost was its many dependent loads and adds per point; here a
;; prefix count is a popcount plus 2 or 3 loads and an insert one OR plus 2 or 3 vector adds, with
;; no data-dependent branch):
;;   bits:  one bit per inserted ordinal, 32 per i32 word (word w holds ordinals 32w .. 32w+31);
;;   lane1: by word, i16, the inserted ordinals in the earlier words of its run of 8 words (one
;;          v128 per run, so an insert adds 1 to the lanes after its word with one compare + sub);
;;   lane2: by run of 8 words, the same over runs of 8 runs; lane3 over runs of 64 runs.
;; i16 counts are exact while n <= 32767. Two variants:
;;   discordant2: n <= 2048 (64 words): bits [c, c+256), lane1 [c+256, c+384), lane2 [c+384, c+400)
;;   discordant3: n <= 16384 (512 words): bits [c, c+2048), lane1 [c+2048, c+3072),
;;                lane2 [c+3072, c+3200), lane3 [c+3200, c+3216)
;; discordantDistinct2/3 are the same for a y without ties (yTieEnd = yOrdinal, not read): one
;; load less per point. c must be 16-byte aligned; every variant clears its structure first.
(module
  (memory (export "memory") 1)
  (func (export "discordant2")
    (param $xOrder i32) (param $yOrdinal i32) (param $yTieEnd i32) (param $n i32) (param $c i32)
    (result i32)
    (local $k i32) (local $p i32) (local $e i32) (local $u i32) (local $w i32) (local $g i32)
    (local $a i32) (local $sum i32) (local $idx v128) (local $end i32)
    ;; clear 400 bytes = 25 v128
    (local.set $a (local.get $c))
    (local.set $end (i32.add (local.get $c) (i32.const 400)))
    (loop $clear
      (v128.store (local.get $a) (v128.const i32x4 0 0 0 0))
      (local.set $a (i32.add (local.get $a) (i32.const 16)))
      (br_if $clear (i32.lt_u (local.get $a) (local.get $end))))
    (local.set $idx (v128.const i16x8 0 1 2 3 4 5 6 7))
    (local.set $k (i32.const 0))
    (local.set $sum (i32.const 0))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $points
        (local.set $p (i32.shl (i32.load (i32.add (local.get $xOrder) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 2)))
        (local.set $e (i32.load (i32.add (local.get $yTieEnd) (local.get $p))))
        (local.set $u (i32.load (i32.add (local.get $yOrdinal) (local.get $p))))
        ;; count of inserted ordinals <= e: the bits of its word up to e, plus the lanes
        (local.set $w (i32.shr_u (local.get $e) (i32.const 5)))
        (local.set $sum
          (i32.add (local.get $sum)
            (i32.add
              (i32.popcnt
                (i32.and
                  (i32.load (i32.add (local.get $c) (i32.shl (local.get $w) (i32.const 2))))
                  ;; 2 << (e mod 32) - 1: shl takes its count mod 32, so e mod 32 = 31 gives all ones
                  (i32.sub (i32.shl (i32.const 2) (local.get $e)) (i32.const 1))))
              (i32.add
                (i32.load16_u offset=256 (i32.add (local.get $c) (i32.shl (local.get $w) (i32.const 1))))
                (i32.load16_u offset=384 (i32.add (local.get $c) (i32.shl (i32.shr_u (local.get $w) (i32.const 3)) (i32.const 1))))))))
        ;; insert u
        (local.set $w (i32.shr_u (local.get $u) (i32.const 5)))
        (local.set $a (i32.add (local.get $c) (i32.shl (local.get $w) (i32.const 2))))
        (i32.store (local.get $a)
          (i32.or (i32.load (local.get $a)) (i32.shl (i32.const 1) (local.get $u))))
        (local.set $g (i32.shr_u (local.get $w) (i32.const 3)))
        (local.set $a (i32.add (local.get $c) (i32.shl (local.get $g) (i32.const 4))))
        (v128.store offset=256 (local.get $a)
          (i16x8.sub (v128.load offset=256 (local.get $a))
            (i16x8.gt_s (local.get $idx) (i16x8.splat (i32.and (local.get $w) (i32.const 7))))))
        (v128.store offset=384 (local.get $c)
          (i16x8.sub (v128.load offset=384 (local.get $c))
            (i16x8.gt_s (local.get $idx) (i16x8.splat (local.get $g)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $points (i32.lt_s (local.get $k) (local.get $n)))))
    ;; discordant = sum_k k - sum = n(n-1)/2 - sum
    (i32.sub
      (i32.shr_u (i32.mul (local.get $n) (i32.sub (local.get $n) (i32.const 1))) (i32.const 1))
      (local.get $sum)))

  (func (export "discordant3")
    (param $xOrder i32) (param $yOrdinal i32) (param $yTieEnd i32) (param $n i32) (param $c i32)
    (result i32)
    (local $k i32) (local $p i32) (local $e i32) (local $u i32) (local $w i32) (local $g i32)
    (local $h i32) (local $a i32) (local $sum i32) (local $idx v128) (local $end i32)
    ;; clear 3216 bytes = 201 v128
    (local.set $a (local.get $c))
    (local.set $end (i32.add (local.get $c) (i32.const 3216)))
    (loop $clear
      (v128.store (local.get $a) (v128.const i32x4 0 0 0 0))
      (local.set $a (i32.add (local.get $a) (i32.const 16)))
      (br_if $clear (i32.lt_u (local.get $a) (local.get $end))))
    (local.set $idx (v128.const i16x8 0 1 2 3 4 5 6 7))
    (local.set $k (i32.const 0))
    (local.set $sum (i32.const 0))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $points
        (local.set $p (i32.shl (i32.load (i32.add (local.get $xOrder) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 2)))
        (local.set $e (i32.load (i32.add (local.get $yTieEnd) (local.get $p))))
        (local.set $u (i32.load (i32.add (local.get $yOrdinal) (local.get $p))))
        (local.set $w (i32.shr_u (local.get $e) (i32.const 5)))
        (local.set $sum
          (i32.add (local.get $sum)
            (i32.add
              (i32.add
                (i32.popcnt
                  (i32.and
                    (i32.load (i32.add (local.get $c) (i32.shl (local.get $w) (i32.const 2))))
                    (i32.sub (i32.shl (i32.const 2) (local.get $e)) (i32.const 1))))
                (i32.load16_u offset=2048 (i32.add (local.get $c) (i32.shl (local.get $w) (i32.const 1)))))
              (i32.add
                (i32.load16_u offset=3072 (i32.add (local.get $c) (i32.shl (i32.shr_u (local.get $w) (i32.const 3)) (i32.const 1))))
                (i32.load16_u offset=3200 (i32.add (local.get $c) (i32.shl (i32.shr_u (local.get $w) (i32.const 6)) (i32.const 1))))))))
        (local.set $w (i32.shr_u (local.get $u) (i32.const 5)))
        (local.set $a (i32.add (local.get $c) (i32.shl (local.get $w) (i32.const 2))))
        (i32.store (local.get $a)
          (i32.or (i32.load (local.get $a)) (i32.shl (i32.const 1) (local.get $u))))
        (local.set $g (i32.shr_u (local.get $w) (i32.const 3)))
        (local.set $a (i32.add (local.get $c) (i32.shl (local.get $g) (i32.const 4))))
        (v128.store offset=2048 (local.get $a)
          (i16x8.sub (v128.load offset=2048 (local.get $a))
            (i16x8.gt_s (local.get $idx) (i16x8.splat (i32.and (local.get $w) (i32.const 7))))))
        (local.set $h (i32.shr_u (local.get $g) (i32.const 3)))
        (local.set $a (i32.add (local.get $c) (i32.shl (local.get $h) (i32.const 4))))
        (v128.store offset=3072 (local.get $a)
          (i16x8.sub (v128.load offset=3072 (local.get $a))
            (i16x8.gt_s (local.get $idx) (i16x8.splat (i32.and (local.get $g) (i32.const 7))))))
        (v128.store offset=3200 (local.get $c)
          (i16x8.sub (v128.load offset=3200 (local.get $c))
            (i16x8.gt_s (local.get $idx) (i16x8.splat (local.get $h)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $points (i32.lt_s (local.get $k) (local.get $n)))))
    (i32.sub
      (i32.shr_u (i32.mul (local.get $n) (i32.sub (local.get $n) (i32.const 1))) (i32.const 1))
      (local.get $sum)))
  (func (export "discordantDistinct2")
    (param $xOrder i32) (param $yOrdinal i32) (param $yTieEnd i32) (param $n i32) (param $c i32)
    (result i32)
    (local $k i32) (local $p i32) (local $u i32) (local $w i32) (local $g i32)
    (local $a i32) (local $word i32) (local $sum i32) (local $idx v128) (local $end i32)
    ;; clear 400 bytes = 25 v128
    (local.set $a (local.get $c))
    (local.set $end (i32.add (local.get $c) (i32.const 400)))
    (loop $clear
      (v128.store (local.get $a) (v128.const i32x4 0 0 0 0))
      (local.set $a (i32.add (local.get $a) (i32.const 16)))
      (br_if $clear (i32.lt_u (local.get $a) (local.get $end))))
    (local.set $idx (v128.const i16x8 0 1 2 3 4 5 6 7))
    (local.set $k (i32.const 0))
    (local.set $sum (i32.const 0))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $points
        (local.set $p (i32.shl (i32.load (i32.add (local.get $xOrder) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 2)))
        ;; y without ties: its tie end is its ordinal (yTieEnd is not read)
        (local.set $u (i32.load (i32.add (local.get $yOrdinal) (local.get $p))))
        ;; count of inserted ordinals <= e: the bits of its word up to e, plus the lanes
        ;; one word serves the query (its bits up to u) and the insert (bit u)
        (local.set $w (i32.shr_u (local.get $u) (i32.const 5)))
        (local.set $a (i32.add (local.get $c) (i32.shl (local.get $w) (i32.const 2))))
        (local.set $word (i32.load (local.get $a)))
        (local.set $sum
          (i32.add (local.get $sum)
            (i32.add
              (i32.popcnt
                (i32.and (local.get $word) (i32.sub (i32.shl (i32.const 2) (local.get $u)) (i32.const 1))))
              (i32.add
                (i32.load16_u offset=256 (i32.add (local.get $c) (i32.shl (local.get $w) (i32.const 1))))
                (i32.load16_u offset=384 (i32.add (local.get $c) (i32.shl (i32.shr_u (local.get $w) (i32.const 3)) (i32.const 1))))))))
        (i32.store (local.get $a) (i32.or (local.get $word) (i32.shl (i32.const 1) (local.get $u))))
        (local.set $g (i32.shr_u (local.get $w) (i32.const 3)))
        (local.set $a (i32.add (local.get $c) (i32.shl (local.get $g) (i32.const 4))))
        (v128.store offset=256 (local.get $a)
          (i16x8.sub (v128.load offset=256 (local.get $a))
            (i16x8.gt_s (local.get $idx) (i16x8.splat (i32.and (local.get $w) (i32.const 7))))))
        (v128.store offset=384 (local.get $c)
          (i16x8.sub (v128.load offset=384 (local.get $c))
            (i16x8.gt_s (local.get $idx) (i16x8.splat (local.get $g)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $points (i32.lt_s (local.get $k) (local.get $n)))))
    ;; discordant = sum_k k - sum = n(n-1)/2 - sum
    (i32.sub
      (i32.shr_u (i32.mul (local.get $n) (i32.sub (local.get $n) (i32.const 1))) (i32.const 1))
      (local.get $sum)))

  (func (export "discordantDistinct3")
    (param $xOrder i32) (param $yOrdinal i32) (param $yTieEnd i32) (param $n i32) (param $c i32)
    (result i32)
    (local $k i32) (local $p i32) (local $u i32) (local $w i32) (local $g i32)
    (local $h i32) (local $a i32) (local $word i32) (local $sum i32) (local $idx v128) (local $end i32)
    ;; clear 3216 bytes = 201 v128
    (local.set $a (local.get $c))
    (local.set $end (i32.add (local.get $c) (i32.const 3216)))
    (loop $clear
      (v128.store (local.get $a) (v128.const i32x4 0 0 0 0))
      (local.set $a (i32.add (local.get $a) (i32.const 16)))
      (br_if $clear (i32.lt_u (local.get $a) (local.get $end))))
    (local.set $idx (v128.const i16x8 0 1 2 3 4 5 6 7))
    (local.set $k (i32.const 0))
    (local.set $sum (i32.const 0))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $points
        (local.set $p (i32.shl (i32.load (i32.add (local.get $xOrder) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 2)))
        ;; y without ties: its tie end is its ordinal (yTieEnd is not read)
        (local.set $u (i32.load (i32.add (local.get $yOrdinal) (local.get $p))))
        ;; one word serves the query (its bits up to u) and the insert (bit u)
        (local.set $w (i32.shr_u (local.get $u) (i32.const 5)))
        (local.set $a (i32.add (local.get $c) (i32.shl (local.get $w) (i32.const 2))))
        (local.set $word (i32.load (local.get $a)))
        (local.set $sum
          (i32.add (local.get $sum)
            (i32.add
              (i32.popcnt
                (i32.and (local.get $word) (i32.sub (i32.shl (i32.const 2) (local.get $u)) (i32.const 1))))
              (i32.add
                (i32.load16_u offset=2048 (i32.add (local.get $c) (i32.shl (local.get $w) (i32.const 1))))
                (i32.add
                  (i32.load16_u offset=3072 (i32.add (local.get $c) (i32.shl (i32.shr_u (local.get $w) (i32.const 3)) (i32.const 1))))
                  (i32.load16_u offset=3200 (i32.add (local.get $c) (i32.shl (i32.shr_u (local.get $w) (i32.const 6)) (i32.const 1)))))))))
        (i32.store (local.get $a) (i32.or (local.get $word) (i32.shl (i32.const 1) (local.get $u))))
        (local.set $g (i32.shr_u (local.get $w) (i32.const 3)))
        (local.set $a (i32.add (local.get $c) (i32.shl (local.get $g) (i32.const 4))))
        (v128.store offset=2048 (local.get $a)
          (i16x8.sub (v128.load offset=2048 (local.get $a))
            (i16x8.gt_s (local.get $idx) (i16x8.splat (i32.and (local.get $w) (i32.const 7))))))
        (local.set $h (i32.shr_u (local.get $g) (i32.const 3)))
        (local.set $a (i32.add (local.get $c) (i32.shl (local.get $h) (i32.const 4))))
        (v128.store offset=3072 (local.get $a)
          (i16x8.sub (v128.load offset=3072 (local.get $a))
            (i16x8.gt_s (local.get $idx) (i16x8.splat (i32.and (local.get $g) (i32.const 7))))))
        (v128.store offset=3200 (local.get $c)
          (i16x8.sub (v128.load offset=3200 (local.get $c))
            (i16x8.gt_s (local.get $idx) (i16x8.splat (local.get $h)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $points (i32.lt_s (local.get $k) (local.get $n)))))
    (i32.sub
      (i32.shr_u (i32.mul (local.get $n) (i32.sub (local.get $n) (i32.const 1))) (i32.const 1))
      (local.get $sum))))
