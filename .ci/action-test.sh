#!/usr/bin/env bash
# Runs the GitHub Action's shell steps (.github/action/scan.sh) the way
# action.yml does, against a copy of the demo project in a scratch
# workspace, with fake GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP,
# and checks the outputs and the exit status of each case.
#
# Usage: action-test.sh REPO OUT_SARIF
# Leaves the SARIF the action wrote at OUT_SARIF, for validation.
set -euo pipefail

repo=$(cd "${1:?usage: $0 REPO OUT_SARIF}" && pwd)
keep=${2:?usage: $0 REPO OUT_SARIF}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export GITHUB_ACTION_PATH="$repo" RUNNER_TEMP="$work/runner-temp"
export LLMLEAK_BIN="$RUNNER_TEMP/llmleak-action/llmleak"
mkdir -p "$RUNNER_TEMP" "$work/ws/testdata"
cp -R "$repo/testdata/demo" "$work/ws/testdata/demo"
cd "$work/ws"
# A workspace is a checkout: its root is the repository's (.git), which
# report paths are relative to.
git init -q .

fail() { echo "FAIL: $*"; exit 1; }

"$repo/.github/action/scan.sh" build >/dev/null

# A kept build: the first build stores it under its key, the next one
# takes it without Go (a warm run starts in seconds), from a directory
# that is not the action's checkout.
export LLMLEAK_CACHE_DIR="$work/builds"
GITHUB_OUTPUT="$work/key.output" "$repo/.github/action/scan.sh" key >/dev/null
key=$(sed -n 's/^key=//p' "$work/key.output")
case "$key" in llmleak-*) ;; *) fail "key: '$key'" ;; esac
LLMLEAK_BIN="$work/cold/llmleak" "$repo/.github/action/scan.sh" build >"$work/cold.out"
[ -x "$LLMLEAK_CACHE_DIR/$key/llmleak" ] || fail "cold build: nothing kept under $key"
env PATH=/usr/bin:/bin LLMLEAK_BIN="$work/warm/llmleak" "$repo/.github/action/scan.sh" build >"$work/warm.out" ||
  fail "warm build failed: $(cat "$work/warm.out")"
grep -q "using the build kept" "$work/warm.out" || fail "warm build did not use the kept build"
"$work/warm/llmleak" version >/dev/null || fail "warm build: the binary does not run"
echo "ok: a kept build is reused without Go"
unset LLMLEAK_CACHE_DIR

# A release binary: used at a release tag, the action takes the binary
# the release published for the runner, checked against its SHA256SUMS,
# with no Go on PATH; a binary whose checksum does not match stops the
# step; a ref that is no tag builds as before.
rel="$work/release/v9.9.9"
mkdir -p "$rel" "$work/pack"
cp "$work/cold/llmleak" "$work/pack/llmleak"
tar -C "$work/pack" -czf "$rel/llmleak-v9.9.9-linux-amd64.tar.gz" llmleak
(cd "$rel" && sha256sum llmleak-v9.9.9-linux-amd64.tar.gz >SHA256SUMS)
release_build() {
  env PATH=/usr/bin:/bin RUNNER_OS=Linux RUNNER_ARCH=X64 LLMLEAK_ACTION_REF="$1" \
    LLMLEAK_RELEASE_BASE="file://$work/release" LLMLEAK_BIN="$work/rel-$1/llmleak" \
    "$repo/.github/action/scan.sh" build
}
release_build v9.9.9 >"$work/release.out" 2>&1 || fail "release build failed: $(cat "$work/release.out")"
grep -q "using the published binary llmleak-v9.9.9-linux-amd64.tar.gz" "$work/release.out" ||
  fail "release build did not take the published binary: $(cat "$work/release.out")"
"$work/rel-v9.9.9/llmleak" version >/dev/null || fail "release build: the binary does not run"
echo "0000000000000000000000000000000000000000000000000000000000000000  llmleak-v9.9.9-linux-amd64.tar.gz" >"$rel/SHA256SUMS"
rm "$work/rel-v9.9.9/llmleak"
status=0
release_build v9.9.9 >"$work/tampered.out" 2>&1 || status=$?
[ "$status" = 2 ] || fail "a binary that does not match SHA256SUMS: exit $status, want 2"
grep -q "does not match the release's SHA256SUMS" "$work/tampered.out" || fail "tampered binary: no message"
[ ! -e "$work/rel-v9.9.9/llmleak" ] || fail "tampered binary installed"
echo "ok: a release binary is taken when its checksum matches, refused when not"

# The action changes nothing of the job: no Go put on PATH, no GOTOOLCHAIN
# (nothing written to GITHUB_PATH or GITHUB_ENV), and no setup-go step.
: >"$work/github_path"
: >"$work/github_env"
GITHUB_PATH="$work/github_path" GITHUB_ENV="$work/github_env" INPUT_GO_VERSION='' \
  LLMLEAK_BIN="$work/plain/llmleak" "$repo/.github/action/scan.sh" build >/dev/null
if [ -s "$work/github_path" ] || [ -s "$work/github_env" ]; then
  fail "the build step wrote to GITHUB_PATH or GITHUB_ENV"
fi
! grep -q "actions/setup-go" "$repo/action.yml" || fail "action.yml sets up Go for the whole job"
echo "ok: the build leaves PATH and GOTOOLCHAIN of the job alone"

# run NAME WANT_STATUS VAR=VALUE...: one scan step with fresh output
# files; the step's stdout is in $work/NAME.out.
run() {
  local name=$1 want=$2 status=0
  shift 2
  export GITHUB_OUTPUT="$work/$name.output" GITHUB_STEP_SUMMARY="$work/$name.summary"
  : >"$GITHUB_OUTPUT"
  : >"$GITHUB_STEP_SUMMARY"
  env INPUT_PATHS=testdata/demo INPUT_CONFIG= INPUT_FORMAT=sarif INPUT_OUTPUT=llmleak.sarif \
    INPUT_SEVERITY_THRESHOLD= INPUT_FAIL=true "$@" \
    "$repo/.github/action/scan.sh" scan >"$work/$name.out" 2>&1 || status=$?
  if [ "$status" -ne "$want" ]; then
    cat "$work/$name.out"
    fail "$name: exit $status, want $want"
  fi
  echo "ok: $name exited $status"
}

# output NAME KEY: the value of a step output.
output() { sed -n "s/^$2=//p" "$work/$1.output"; }

# Findings fail the step; the outputs are written all the same.
run fail-true 1
[ "$(output fail-true findings)" -gt 0 ] || fail "fail-true: findings output '$(output fail-true findings)'"
[ "$(output fail-true exit-code)" = 1 ] || fail "fail-true: exit-code output"
[ "$(output fail-true sarif-file)" = llmleak.sarif ] || fail "fail-true: sarif-file '$(output fail-true sarif-file)'"
[ -s llmleak.sarif ] || fail "fail-true: no llmleak.sarif in the workspace"
grep -q '^::error file=testdata/demo/assistant/views.py,line=' "$work/fail-true.out" || fail "fail-true: no error annotation"
grep -q '^## llmleak' "$work/fail-true.summary" || fail "fail-true: no job summary"
grep -q '^| Rule | Level | Location | Message |' "$work/fail-true.summary" || fail "fail-true: no table in the job summary"
cp llmleak.sarif "$keep"
findings=$(output fail-true findings)

# Counts by level add up to the findings.
levels=$(($(output fail-true errors) + $(output fail-true warnings) + $(output fail-true notes)))
[ "$levels" = "$findings" ] || fail "fail-true: errors+warnings+notes $levels, findings $findings"

# select, ignore and args narrow the scan; annotations off writes none.
run select 1 INPUT_SELECT=LK101
[ "$(output select findings)" = 1 ] || fail "select: findings '$(output select findings)', want the one LK101"
run ignore 1 INPUT_IGNORE=LK101
[ "$(output ignore findings)" = $((findings - 1)) ] || fail "ignore: findings '$(output ignore findings)'"
run args 0 "INPUT_ARGS=--exit-zero --statistics"
run no-annotations 1 INPUT_ANNOTATIONS=false
if grep -q '^::' "$work/no-annotations.out"; then fail "no-annotations: workflow commands written"; fi
[ ! -s "$work/no-annotations.summary" ] || fail "no-annotations: job summary written"
[ "$(output no-annotations findings)" = "$findings" ] || fail "no-annotations: findings output"
run bad-annotations 2 INPUT_ANNOTATIONS=maybe

# A baseline of the current findings hides them all.
"$LLMLEAK_BIN" scan --quiet --write-baseline "$work/baseline.json" testdata/demo >/dev/null || true
run baseline 0 INPUT_BASELINE="$work/baseline.json"

# working-directory: the scan runs from there.
run working-directory 1 INPUT_WORKING_DIRECTORY=testdata/demo INPUT_PATHS=.
[ "$(output working-directory findings)" = "$findings" ] || fail "working-directory: findings '$(output working-directory findings)'"

# On a pull request, only what changed since the base branch is reported
# (when the checkout has it); without it, everything, with a notice.
git -c user.email=ci@example.invalid -c user.name=ci add -A >/dev/null
git -c user.email=ci@example.invalid -c user.name=ci commit -qm base
git update-ref refs/remotes/origin/main HEAD
run pr-unchanged 0 GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=main
[ "$(output pr-unchanged findings)" = 0 ] || fail "pr-unchanged: findings '$(output pr-unchanged findings)', want none on unchanged lines"
run pr-no-base 1 GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=release
grep -q "base branch release is not in the checkout" "$work/pr-no-base.out" || fail "pr-no-base: no notice"
run pr-diff-none 1 GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=main INPUT_DIFF=none

# fail: false reports the same and passes.
run fail-false 0 INPUT_FAIL=false
[ "$(output fail-false findings)" = "$findings" ] || fail "fail-false: findings output"
[ "$(output fail-false exit-code)" = 1 ] || fail "fail-false: exit-code output"

# Another format: the report goes where asked, SARIF to RUNNER_TEMP.
run json 0 INPUT_FAIL=false INPUT_FORMAT=json INPUT_OUTPUT=reports/llmleak.json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["tool"] == "llmleak" and d["summary"]["findings"] == int(sys.argv[2])' \
  reports/llmleak.json "$findings" || fail "json: bad report"
sarif=$(output json sarif-file)
case "$sarif" in "$RUNNER_TEMP"/*) ;; *) fail "json: sarif-file '$sarif' not in RUNNER_TEMP" ;; esac
[ -s "$sarif" ] || fail "json: no SARIF at $sarif"

# A configuration that raises the threshold, and an explicit input.
printf 'severity-threshold = "error"\nignore = ["LK101", "LK105"]\n' >.llmleak.toml
run config-threshold 0
[ "$(output config-threshold findings)" -gt 0 ] || fail "config-threshold: warnings should still be counted"
run input-threshold 1 INPUT_SEVERITY_THRESHOLD=warning
rm .llmleak.toml

# Two paths, one of them a single file: the whole project is analyzed,
# reporting is restricted.
run paths 1 "INPUT_PATHS=testdata/demo/assistant/views.py
testdata/demo/assistant/tasks.py"
grep -q 'tasks.py' "$work/paths.out" || fail "paths: no finding in tasks.py"
if grep '^::' "$work/paths.out" | grep -v -e 'file=testdata/demo/assistant/views.py' -e 'file=testdata/demo/assistant/tasks.py' | grep -q .; then
  fail "paths: annotation outside the named files"
fi

# A broken configuration is an error whatever fail says; no SARIF.
printf 'selct = ["LK1"]\n' >bad.toml
run bad-config 2 INPUT_FAIL=false INPUT_CONFIG=bad.toml
[ "$(output bad-config exit-code)" = 2 ] || fail "bad-config: exit-code output"
[ -z "$(output bad-config sarif-file)" ] || fail "bad-config: sarif-file should be empty"
grep -q 'bad.toml:1: selct: unknown key' "$work/bad-config.out" || fail "bad-config: the error does not name file, line and key"

run bad-input 2 INPUT_FORMAT=xml
