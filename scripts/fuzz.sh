#!/usr/bin/env bash
# libFuzzer targets for the parsers of outside data (Fuzz/Targets/*.swift): the answers
# JSON, a posted form section, the selection instance reader, the CSV writer's escaping and
# the `next` check. CohortCore's pure sources are compiled once into a static library by
# `swiftc -sanitize=fuzzer,address` (its one file that needs swift-crypto,
# PasswordPolicy.swift, is left out) and each target is linked with it. Corpora live in
# Fuzz/Corpus/TARGET.
#   scripts/fuzz.sh run [SECONDS] [TARGET...]   fuzz each for SECONDS (default 300), keep new coverage in the corpus
#   scripts/fuzz.sh replay [SECONDS]            CI: every corpus input once, then SECONDS (default 20) of fuzzing each
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-replay}
SECONDS_EACH=${2:-}
shift $(( $# > 2 ? 2 : $# ))
OUT=.build-fuzz
mkdir -p "$OUT"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=($(ls Fuzz/Targets | sed 's/\.swift$//'))
CORE=$(find Sources/CohortCore -name '*.swift' ! -name PasswordPolicy.swift | sort)

build_core() {
  if [ ! -f "$OUT/libCohortCore.a" ] || [ -n "$(find $CORE -newer "$OUT/libCohortCore.a" | head -1)" ]; then
    swiftc -sanitize=fuzzer,address -parse-as-library -module-name CohortCore -g -O -whole-module-optimization \
      -emit-module -emit-module-path "$OUT/CohortCore.swiftmodule" -emit-library -static -o "$OUT/libCohortCore.a" $CORE \
      2>"$OUT/core.build.log" || { cat "$OUT/core.build.log"; return 1; }
  fi
}

build() {
  local target=$1 binary="$OUT/$1"
  if [ ! -x "$binary" ] || [ -n "$(find "$OUT/libCohortCore.a" "Fuzz/Targets/$target.swift" -newer "$binary" | head -1)" ]; then
    swiftc -sanitize=fuzzer,address -parse-as-library -g -O -I "$OUT" -L "$OUT" -lCohortCore \
      "Fuzz/Targets/$target.swift" -o "$binary" 2>"$OUT/$target.build.log" || { cat "$OUT/$target.build.log"; return 1; }
  fi
}

build_core

status=0
for target in "${TARGETS[@]}"; do
  build "$target"
  corpus="Fuzz/Corpus/$target"
  mkdir -p "$corpus" "$OUT/crashes"
  if [ "$MODE" = run ]; then
    work=$(mktemp -d)
    "$OUT/$target" -max_total_time="${SECONDS_EACH:-300}" -max_len=65536 -timeout=10 -artifact_prefix="$OUT/crashes/$target-" \
      "$work" "$corpus" 2>"$OUT/$target.log" || { status=1; tail -30 "$OUT/$target.log"; }
    # Keep only inputs that add coverage.
    "$OUT/$target" -merge=1 "$corpus" "$work" 2>"$OUT/$target.merge.log" >/dev/null
    rm -rf "$work"
  else
    # Every kept input once: a crash found once stays fixed.
    "$OUT/$target" -runs=0 -timeout=10 "$corpus" 2>"$OUT/$target.log" || { status=1; tail -30 "$OUT/$target.log"; }
    work=$(mktemp -d)
    "$OUT/$target" -max_total_time="${SECONDS_EACH:-20}" -max_len=65536 -timeout=10 -artifact_prefix="$OUT/crashes/$target-" \
      "$work" "$corpus" 2>>"$OUT/$target.log" || { status=1; tail -30 "$OUT/$target.log"; }
    rm -rf "$work"
  fi
  runs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$OUT/$target.log" | tail -1 | sed 's/Done \([0-9]*\) runs in \([0-9]*\) second/\1 runs in \2 s/')
  echo "fuzz $target: $(ls "$corpus" | wc -l) corpus inputs replayed, ${runs:-no} fuzzing, $( [ $status -eq 0 ] && echo 'no crash' || echo 'CRASH (see .build-fuzz/crashes/)')"
done
echo "fuzz: $([ $status -eq 0 ] && echo "${#TARGETS[@]} targets, no crash" || echo FAILED)"
exit $status
