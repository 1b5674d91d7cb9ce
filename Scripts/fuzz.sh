#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for a while, seeded from Tests/Fixtures.
#   Scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]
# Targets: FuzzWeb FuzzMbox FuzzHackerNews FuzzReddit FuzzKeyNotation (default: all).
# Crashes, hangs (-timeout) and memory blow-ups (-rss_limit_mb) are written to
# .build-fuzz/artifacts/TARGET/; copy each into Tests/Fixtures/fuzz-regressions/ and fix it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(FuzzWeb FuzzMbox FuzzHackerNews FuzzReddit FuzzKeyNotation)

seeds() {
    case "$1" in
        FuzzWeb) ls Tests/Fixtures/*.txt Tests/Fixtures/*.md ;;
        FuzzMbox) ls Tests/Fixtures/mbox/* ;;
        FuzzHackerNews | FuzzReddit) ls Tests/Fixtures/json/* ;;
        FuzzKeyNotation) ls Tests/Fixtures/fuzz-seeds/keys/* ;;
    esac
    ls Tests/Fixtures/fuzz-regressions/* 2>/dev/null || true
}

for target in "${targets[@]}"; do
    swift build -c release --sanitize=fuzzer --product "$target" --scratch-path .build-fuzz
    corpus=".build-fuzz/corpus/$target"
    artifacts=".build-fuzz/artifacts/$target/"
    mkdir -p "$corpus" "$artifacts"
    seeds "$target" | while read -r seed; do cp -n "$seed" "$corpus/" 2>/dev/null || true; done
    echo "== $target for ${seconds}s"
    SWIFT_BACKTRACE=enable=no ".build-fuzz/release/$target" "$corpus" \
        -max_total_time="$seconds" -max_len=200000 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts" -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|==|INFO: Seed|#[0-9]+ +DONE)|ERROR|SUMMARY|Test unit written" || true
    ls "$artifacts" | sed "s|^|artifact: $artifacts|"
done
