#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each, seeded from Tests/Fixtures.
#   Scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]   explore for a while (default 60 s)
#   Scripts/fuzz.sh --smoke [TARGET ...]                 a fixed, repeatable run for CI:
#                                                        seed 1, a set number of inputs
# Targets: FuzzWeb FuzzMbox FuzzHackerNews FuzzReddit FuzzRecords FuzzKeyNotation (default: all).
# Crashes, hangs (-timeout) and memory blow-ups (-rss_limit_mb) are written to
# .build-fuzz/artifacts/TARGET/; copy each into Tests/Fixtures/fuzz-regressions/ and fix it.
# Exits 1 when a run wrote an artifact.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=(-max_total_time=60)
smoke=0
if [ "${1:-}" = "--smoke" ]; then
    limit=(-seed=1 -runs=20000)
    smoke=1
    shift
elif [ -n "${1:-}" ] && [ "${1#Fuzz}" = "$1" ]; then
    limit=(-max_total_time="$1")
    shift
fi
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(FuzzWeb FuzzMbox FuzzHackerNews FuzzReddit FuzzRecords FuzzKeyNotation)

seeds() {
    case "$1" in
        FuzzWeb) ls Tests/Fixtures/*.txt Tests/Fixtures/*.md ;;
        FuzzMbox) ls Tests/Fixtures/mbox/* ;;
        FuzzHackerNews | FuzzReddit) ls Tests/Fixtures/json/* ;;
        FuzzRecords) find Tests/Fixtures/lobsters Tests/Fixtures/discourse Tests/Fixtures/github \
            Tests/Fixtures/mastodon Tests/Fixtures/bluesky Tests/Fixtures/discord -type f
            ls Tests/Fixtures/disqus/disqus-isso-tests-edge-cases.xml Tests/Fixtures/fuzz-seeds/wxr-two-posts.xml \
                Tests/Fixtures/html/lobsters-story-ktew3s.html Tests/Fixtures/html/hn-item-3412900-2012-page3-last.html \
                Tests/Fixtures/html/forum-phpbb-myoos-de.html Tests/Fixtures/html/forum-xenforo2-handmade.html ;;
        FuzzKeyNotation) ls Tests/Fixtures/fuzz-seeds/keys/* ;;
    esac
    ls Tests/Fixtures/fuzz-regressions/* 2>/dev/null || true
}

found=0
for target in "${targets[@]}"; do
    swift build -c release --sanitize=fuzzer --product "$target" --scratch-path .build-fuzz
    corpus=".build-fuzz/corpus/$target"
    artifacts=".build-fuzz/artifacts/$target/"
    # A smoke run starts from the seeds alone, so every run is the same run.
    if [ "$smoke" -eq 1 ]; then rm -rf "$corpus"; fi
    mkdir -p "$corpus" "$artifacts"
    seeds "$target" | while read -r seed; do cp -n "$seed" "$corpus/" 2>/dev/null || true; done
    echo "== $target (${limit[*]})"
    before=$(ls "$artifacts" | wc -l)
    SWIFT_BACKTRACE=enable=no ".build-fuzz/release/$target" "$corpus" "${limit[@]}" \
        -max_len=200000 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts" -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|==|#[0-9]+ +DONE)|ERROR|SUMMARY|Test unit written" || true
    if [ "$(ls "$artifacts" | wc -l)" -gt "$before" ]; then
        found=1
        ls "$artifacts" | sed "s|^|artifact: $artifacts|"
    fi
done
exit "$found"
