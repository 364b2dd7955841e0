#!/usr/bin/env bash
# The shell steps of the llmleak GitHub Action (action.yml). They live in
# this script rather than inline in action.yml so that CI (.ci/run) runs
# exactly what the action runs, against the demo project.
#
#   action-scan.sh key     the cache key of a build of this checkout (step output key)
#   action-scan.sh build   take the build kept in LLMLEAK_CACHE_DIR for the same key,
#                          or the release's published binary (at a release tag),
#                          or build llmleak from the action's own checkout
#   action-scan.sh scan    scan, write the reports and the step outputs,
#                          and decide the step's exit status
#
# Environment, as action.yml passes it:
#   LLMLEAK_BIN               where build puts the binary and scan finds it
#   LLMLEAK_CACHE_DIR         builds kept between runs (actions/cache restores it)
#   LLMLEAK_ACTION_REF        the action's ref: a release tag (v1.2.3) takes its binary
#   LLMLEAK_ACTION_REPOSITORY where the release is (default llmleak/llmleak)
#   LLMLEAK_RELEASE_BASE      release download URL before /TAG/ (tests point it at a
#                             local directory with file://)
#   RUNNER_OS, RUNNER_ARCH    pick the release binary (Linux/macOS, X64/ARM64)
#   RUNNER_TOOL_CACHE         where a runner keeps Go toolchains
#   INPUT_GO_VERSION          Go version to build with (GOTOOLCHAIN for the build only)
#   INPUT_PATHS               paths to report on, separated by blanks or newlines
#   INPUT_CONFIG              --config FILE, or empty for discovery
#   INPUT_FORMAT              text, json, sarif (default) or github
#   INPUT_OUTPUT              the report file (default llmleak.sarif)
#   INPUT_SEVERITY_THRESHOLD  note, warning or error; empty: the CLI's or the config's
#   INPUT_FAIL                "true": findings at or above the threshold fail the step
#   INPUT_SELECT, INPUT_IGNORE  rule IDs or prefixes, comma-separated (--select, --ignore)
#   INPUT_BASELINE            --baseline FILE, or empty
#   INPUT_ANNOTATIONS         "true" (default): workflow-command annotations and the job
#                             summary; "false": neither (code scanning shows the alerts)
#   INPUT_WORKING_DIRECTORY   directory to scan from (default: the workspace)
#   INPUT_ARGS                more flags for llmleak scan, separated by blanks
#   INPUT_DIFF                --diff BASE: report only what changed since BASE. Empty: on
#                             a pull request (GITHUB_EVENT_NAME, GITHUB_BASE_REF), the
#                             base branch when the checkout has it, else everything;
#                             "none": everything
#   GITHUB_ACTION_PATH        the action's checkout (default: this repository)
#   GITHUB_OUTPUT             step outputs: sarif-file, findings, errors, warnings,
#                             notes, exit-code
#   GITHUB_STEP_SUMMARY       the job summary; llmleak appends a Markdown table
#   RUNNER_TEMP               scratch space (default: a temporary directory)
#
# Exit status of scan: 0, or 1 when INPUT_FAIL is true and llmleak found
# something at or above the threshold, or 2 on a usage, configuration or
# I/O error (whatever INPUT_FAIL says: a broken configuration must not
# pass silently). The outputs are written first in every case, so that the
# upload step, which runs under if: always(), finds the SARIF file.
set -euo pipefail

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
temp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/llmleak-action"
bin="${LLMLEAK_BIN:-$temp/llmleak}"

# key names a build: the runner's system and architecture, the Go version
# asked for, and a hash of the sources it is built from.
key() {
  local sum
  sum=$(cd "$action_path" && find . -path ./.git -prune -o -type f \( -name '*.go' -o -name '*.toml' -o -name 'go.mod' -o -name 'go.sum' \) -print |
    LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
  printf 'llmleak-%s-%s-%s-%s\n' "${RUNNER_OS:-$(uname -s)}" "${RUNNER_ARCH:-$(uname -m)}" "${INPUT_GO_VERSION:-gomod}" "$sum"
}

build() {
  mkdir -p "$(dirname "$bin")"
  local cached=""
  if [ -n "${LLMLEAK_CACHE_DIR:-}" ]; then
    cached="$LLMLEAK_CACHE_DIR/$(key)/llmleak"
    if [ -x "$cached" ] && "$cached" version >/dev/null 2>&1; then
      cp "$cached" "$bin"
      echo "llmleak: using the build kept for this version of the action"
      "$bin" version
      return
    fi
  fi
  if ! release; then
    compile
  fi
  if [ -n "$cached" ]; then
    mkdir -p "$(dirname "$cached")"
    cp "$bin" "$cached"
  fi
  "$bin" version
}

# release takes the published binary when the action is used at a
# release tag (uses: llmleak/llmleak@v1.2.3) and the release has one for
# the runner: downloaded, checked against the release's SHA256SUMS, and
# unpacked to $bin. It returns 1 when there is none to take (not a tag, no
# binary for this runner); a binary whose checksum does not match stops
# the step.
release() {
  local ref="${LLMLEAK_ACTION_REF:-}" os arch target base dir asset want got
  case "$ref" in v[0-9]*) ;; *) return 1 ;; esac
  case "${RUNNER_OS:-$(uname -s)}" in Linux) os=linux ;; macOS | Darwin) os=darwin ;; *) return 1 ;; esac
  case "${RUNNER_ARCH:-$(uname -m)}" in X64 | x86_64 | amd64) arch=amd64 ;; ARM64 | arm64 | aarch64) arch=arm64 ;; *) return 1 ;; esac
  target="$os-$arch"
  base="${LLMLEAK_RELEASE_BASE:-https://github.com/${LLMLEAK_ACTION_REPOSITORY:-llmleak/llmleak}/releases/download}/$ref"
  asset="llmleak-$ref-$target.tar.gz"
  dir=$(mktemp -d)
  if ! curl -fsSL --retry 2 -o "$dir/SHA256SUMS" "$base/SHA256SUMS" ||
    ! curl -fsSL --retry 2 -o "$dir/$asset" "$base/$asset"; then
    echo "llmleak: no published binary $asset for $ref; building from source"
    rm -rf "$dir"
    return 1
  fi
  want=$(awk -v a="$asset" '$2 == a || $2 == "*" a { print $1 }' "$dir/SHA256SUMS")
  got=$( (sha256sum "$dir/$asset" 2>/dev/null || shasum -a 256 "$dir/$asset") | cut -d' ' -f1)
  if [ -z "$want" ] || [ "$want" != "$got" ]; then
    echo "::error::llmleak: $asset does not match the release's SHA256SUMS (want ${want:-none}, got $got)" >&2
    rm -rf "$dir"
    exit 2
  fi
  tar -xzf "$dir/$asset" -C "$dir" llmleak
  mv "$dir/llmleak" "$bin"
  chmod +x "$bin"
  rm -rf "$dir"
  echo "llmleak: using the published binary $asset (SHA-256 checked)"
}

# compile builds llmleak from the action's checkout with a Go toolchain
# found on the runner (go on PATH, else the newest in the runner's tool
# cache), changing nothing of the job: no PATH entry and no GOTOOLCHAIN
# is exported (GITHUB_PATH, GITHUB_ENV stay as they are). INPUT_GO_VERSION
# picks a toolchain for this build only; otherwise the go command
# fetches the one go.mod needs when it is older.
compile() {
  local go="" cand
  if command -v go >/dev/null 2>&1; then
    go=$(command -v go)
  else
    for cand in "${RUNNER_TOOL_CACHE:-/opt/hostedtoolcache}"/go/*/*/bin/go; do
      [ -x "$cand" ] && go="$cand"
    done
  fi
  if [ -z "$go" ]; then
    echo "::error::llmleak: no Go toolchain on this runner to build llmleak with; add actions/setup-go before this action, or use a release tag of the action (its binary needs no Go)" >&2
    exit 2
  fi
  local toolchain="${GOTOOLCHAIN:-auto}"
  if [ -n "${INPUT_GO_VERSION:-}" ]; then
    toolchain="go${INPUT_GO_VERSION#go}"
  fi
  (cd "$action_path" && CGO_ENABLED=1 GOTOOLCHAIN="$toolchain" "$go" build -trimpath -o "$bin" ./cmd/llmleak)
}

# output NAME VALUE appends a step output.
output() {
  printf '%s=%s\n' "$1" "$2" >>"${GITHUB_OUTPUT:-/dev/null}"
}

scan() {
  local format="${INPUT_FORMAT:-sarif}" out="${INPUT_OUTPUT:-llmleak.sarif}"
  local fail="${INPUT_FAIL:-true}" threshold="${INPUT_SEVERITY_THRESHOLD:-}"
  case "$format" in
    text | json | sarif | github) ;;
    *) echo "::error title=llmleak::invalid format '$format': want text, json, sarif or github"; return 2 ;;
  esac
  case "$fail" in
    true | false) ;;
    *) echo "::error title=llmleak::invalid fail '$fail': want true or false"; return 2 ;;
  esac
  local annotations="${INPUT_ANNOTATIONS:-true}"
  case "$annotations" in
    true | false) ;;
    *) echo "::error title=llmleak::invalid annotations '$annotations': want true or false"; return 2 ;;
  esac
  if [ -n "${INPUT_WORKING_DIRECTORY:-}" ]; then
    cd "$INPUT_WORKING_DIRECTORY" || { echo "::error title=llmleak::cannot enter working-directory '$INPUT_WORKING_DIRECTORY'"; return 2; }
  fi
  if [ ! -x "$bin" ]; then
    echo "::error title=llmleak::no llmleak binary at $bin; run the build step first"
    return 2
  fi
  mkdir -p "$temp"

  # One analysis writes every report: the requested one, SARIF for the
  # upload, JSON for the findings count, and workflow commands on stdout
  # (annotations) with a Markdown table in the job summary.
  local sarif="$temp/llmleak.sarif" json="$temp/llmleak.json" specs
  case "$format" in
    sarif) sarif="$out"; specs="sarif:$out,json:$json,github" ;;
    json) json="$out"; specs="json:$out,sarif:$sarif,github" ;;
    text) specs="text:$out,sarif:$sarif,json:$json,github" ;;
    github) specs="github,sarif:$sarif,json:$json" ;;
  esac
  if [ "$annotations" = false ]; then
    # No workflow commands: GitHub shows at most 10 annotations a step,
    # and code scanning shows the same findings as alerts.
    specs=${specs//,github/}
    specs=${specs//github,/}
  fi
  if [ -n "$(dirname "$out")" ]; then mkdir -p "$(dirname "$out")"; fi

  local args=(scan --no-color --format "$specs")
  if [ -n "${INPUT_CONFIG:-}" ]; then args+=(--config "$INPUT_CONFIG"); fi
  if [ -n "$threshold" ]; then args+=(--severity-threshold "$threshold"); fi
  if [ -n "${INPUT_SELECT:-}" ]; then args+=(--select "$INPUT_SELECT"); fi
  if [ -n "${INPUT_IGNORE:-}" ]; then args+=(--ignore "$INPUT_IGNORE"); fi
  if [ -n "${INPUT_BASELINE:-}" ]; then args+=(--baseline "$INPUT_BASELINE"); fi
  local diff="${INPUT_DIFF:-}"
  if [ -z "$diff" ] && [ "${GITHUB_EVENT_NAME:-}" = pull_request ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
    if git rev-parse --verify --quiet "origin/$GITHUB_BASE_REF^{commit}" >/dev/null; then
      diff="origin/$GITHUB_BASE_REF"
    else
      echo "llmleak: the base branch $GITHUB_BASE_REF is not in the checkout (fetch-depth: 0 brings it); reporting every finding"
    fi
  fi
  if [ -n "$diff" ] && [ "$diff" != none ]; then args+=(--diff "$diff"); fi
  local extra=()
  read -r -a extra <<<"${INPUT_ARGS:-}" || true
  args+=("${extra[@]}")
  local paths=()
  # Paths are separated by blanks or newlines; no glob expansion.
  read -r -d '' -a paths < <(printf '%s\0' "${INPUT_PATHS:-.}") || true
  if [ ${#paths[@]} -eq 0 ]; then paths=(.); fi

  local code=0
  "$bin" "${args[@]}" -- "${paths[@]}" || code=$?

  local findings="" errors="" warnings="" notes=""
  if [ "$code" -le 1 ] && [ -f "$json" ]; then
    # The JSON layout is fixed (two-space indent, documented key order):
    # the summary's count is the only "findings" key four spaces in, its
    # counts by level the only level keys six spaces in.
    findings=$(sed -n 's/^    "findings": \([0-9][0-9]*\),$/\1/p' "$json")
    errors=$(sed -n 's/^      "error": \([0-9][0-9]*\),*$/\1/p' "$json")
    warnings=$(sed -n 's/^      "warning": \([0-9][0-9]*\),*$/\1/p' "$json")
    notes=$(sed -n 's/^      "note": \([0-9][0-9]*\),*$/\1/p' "$json")
  fi
  if [ "$code" -le 1 ] && [ -f "$sarif" ]; then
    output sarif-file "$sarif"
  else
    output sarif-file ""
  fi
  output findings "${findings:-0}"
  output errors "${errors:-0}"
  output warnings "${warnings:-0}"
  output notes "${notes:-0}"
  output exit-code "$code"

  case "$code" in
    0) echo "llmleak: no findings at or above the threshold" ;;
    1)
      echo "llmleak: ${findings:-some} unsuppressed findings; see the annotations, the job summary and $out"
      if [ "$fail" = true ]; then return 1; fi
      ;;
    *)
      echo "::error title=llmleak::llmleak exited with status $code (usage, configuration or I/O error; see above)"
      return 2
      ;;
  esac
}

case "${1:-}" in
  key) output key "$(key)"; key ;;
  build) build ;;
  scan) scan ;;
  *) echo "usage: $0 key|build|scan" >&2; exit 2 ;;
esac
