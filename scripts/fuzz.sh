#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time (docs/reliability.md).
#
#   FUZZ_SECONDS=60        seconds per target (default 60)
#   FUZZ_TARGETS="..."     targets to run (default: all of fuzz/fuzz_targets)
#   FUZZ_SANITIZER=none    none (default) or address (rebuilds everything once, ~2x slower)
#   FUZZ_BUILD_FLAGS="-O -a"  cargo fuzz build flags (default: release + overflow checks)
#   FUZZ_ENGINE=auto       cargo-fuzz (libFuzzer, coverage-guided), stable (the in-process
#                          mutation fuzzer of fuzz/src/mutate.rs, run as an ignored test on the
#                          warm main build), or auto: cargo-fuzz, and stable if it cannot build
#
# Only the stable toolchain is installed here. cargo-fuzz passes nightly-only -Z flags to rustc;
# RUSTC_BOOTSTRAP=1 makes stable rustc accept them (libFuzzer itself is built by libfuzzer-sys
# from C++ sources with the system compiler). cargo-fuzz is installed from crates.io if missing.
#
# Seeds come from datasets/ (waves, CSV folders, plans of the checker's waves); the corpus grows
# in fuzz/corpus/<target>/ (not committed). A crash is copied to
# datasets/adversarial/fuzz-regressions/<target>/, the script goes on with the other targets,
# and exits 1 at the end. Per-target figures go to out/fuzz/summary.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_SANITIZER=${FUZZ_SANITIZER:-none}
FUZZ_TARGETS=${FUZZ_TARGETS:-$(cd fuzz/fuzz_targets && ls *.rs | sed 's/\.rs$//' | tr '\n' ' ')}

FUZZ_ENGINE=${FUZZ_ENGINE:-auto}
# Build flags for cargo fuzz: release with debug assertions and overflow checks by default.
read -r -a BUILD_FLAGS <<< "${FUZZ_BUILD_FLAGS:--O -a}"

run_stable() {
    echo "== stable in-process fuzzer, ${FUZZ_SECONDS}s per target: $FUZZ_TARGETS"
    mkdir -p out/fuzz
    set +e
    FUZZ_SECONDS="$FUZZ_SECONDS" FUZZ_TARGETS="$FUZZ_TARGETS" \
        cargo test --release --test adversarial_fuzz_regressions -- --ignored stable_fuzz --nocapture \
        | tee out/fuzz/stable.log
    status=${PIPESTATUS[0]}
    set -e
    printf 'target\tseconds\texecs\texecs_per_s\tseeds\tcrashes\n' > out/fuzz/summary.tsv
    grep '^stable-fuzz' out/fuzz/stable.log | cut -f2- >> out/fuzz/summary.tsv || true
    column -t out/fuzz/summary.tsv
    exit "$status"
}
if [ "$FUZZ_ENGINE" = stable ]; then
    run_stable
fi

# Only for cargo fuzz: set for the main build it would change every fingerprint there and
# rebuild HiGHS in target/.
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz from crates.io (about 1 minute on 2 cores)"
    started=$(date +%s)
    cargo install cargo-fuzz --locked --version 0.13.2
    echo "cargo-fuzz installed in $(( $(date +%s) - started )) s"
fi

RUSTC_BOOTSTRAP= cargo build --release --bin waveopt
BIN=target/release/waveopt
SEEDS=fuzz/seeds
OUT=out/fuzz
rm -rf "$SEEDS"
mkdir -p "$SEEDS"/{wave_json,csv_folder,plan_checker} "$OUT"

# wave_json: every small JSON wave in datasets/ (valid, invalid and adversarial).
find datasets -name '*.wave.json' -size -64k | sort | while read -r f; do
    cp "$f" "$SEEDS/wave_json/$(echo "$f" | tr '/' '_')"
done
# csv_folder: every CSV folder, as `### <file>` sections.
for dir in $(find datasets -name orders.csv -exec dirname {} \; | sort); do
    seed="$SEEDS/csv_folder/$(echo "$dir" | tr '/' '_')"
    : > "$seed"
    for f in wave.json orders.csv order_lines.csv nodes.csv inventory.csv reservations.csv ship_methods.csv lanes.csv; do
        if [ -f "$dir/$f" ]; then
            { echo "### $f"; cat "$dir/$f"; echo; } >> "$seed"
        fi
    done
done
# plan_checker: greedy and MIP plans of the four waves fuzz/src/plans.rs checks against.
i=0
for w in datasets/sample/wave.json datasets/features/reservation.network_level.wave.json \
         datasets/features/lanes.zone_override.wave.json datasets/features/tiers.weighted_not_economic.wave.json; do
    for engine in greedy mip; do
        "$BIN" plan "$w" --engine "$engine" --threads 1 --out "$OUT/plan.json" 2>/dev/null
        { printf '%s' "$i"; cat "$OUT/plan.json"; } > "$SEEDS/plan_checker/$i-$engine.json"
    done
    i=$((i + 1))
done

# The first build compiles HiGHS again for the fuzz workspace (minutes on 2 busy cores).
if ! (cd fuzz && cargo fuzz build "${BUILD_FLAGS[@]}" -s "$FUZZ_SANITIZER"); then
    if [ "$FUZZ_ENGINE" = auto ]; then
        echo "cargo fuzz build failed; falling back to the stable fuzzer"
        run_stable
    fi
    exit 1
fi

failed=0
printf 'target\tseconds\texecs\texecs_per_s\tcorpus\tcoverage\tcrashes\n' > "$OUT/summary.tsv"
for target in $FUZZ_TARGETS; do
    rm -rf "fuzz/artifacts/$target"
    mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
    log="$OUT/$target.log"
    echo "== fuzzing $target for ${FUZZ_SECONDS}s"
    set +e
    (cd fuzz && cargo fuzz run "${BUILD_FLAGS[@]}" -s "$FUZZ_SANITIZER" "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$FUZZ_SECONDS" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
        -print_final_stats=1) > "$log" 2>&1
    status=$?
    set -e
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
    corpus=$(ls "fuzz/corpus/$target" | wc -l)
    crashes=0
    for crash in fuzz/artifacts/"$target"/*; do
        [ -f "$crash" ] || continue
        mkdir -p "datasets/adversarial/fuzz-regressions/$target"
        cp "$crash" "datasets/adversarial/fuzz-regressions/$target/"
        crashes=$((crashes + 1))
    done
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$FUZZ_SECONDS" "$execs" "$rate" "$corpus" "$cov" "$crashes" >> "$OUT/summary.tsv"
    if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        echo "!! $target failed (exit $status, $crashes crash files); see $log"
        grep -m5 -E "panicked|ERROR: libFuzzer|SUMMARY" "$log" || true
        failed=1
    fi
done
column -t "$OUT/summary.tsv"
exit "$failed"
