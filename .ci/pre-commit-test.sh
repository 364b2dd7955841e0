#!/usr/bin/env bash
# Runs the hooks of .pre-commit-hooks.yaml through Debian's pre-commit
# (`pre-commit try-repo`) against a throwaway git repository holding a
# view that leaks the client-certificate CN through a wrapper in another
# file, and a clean view. Checks that:
#   - the golang hook builds llmleak (go install ./... in pre-commit's
#     clone, modules from GOPROXY) and fails on the leaking file, naming
#     the finding, although the LLM call is in the other file;
#   - it passes on the clean file and on the wrapper alone (reporting is
#     restricted to the files pre-commit passes);
#   - the system hook does the same with the llmleak on PATH.
#
# Usage: pre-commit-test.sh REPO [LLMLEAK_BINARY_DIR]
# REPO must be a git repository with the hook files committed (try-repo
# clones it; uncommitted changes to tracked files are included).
set -euo pipefail

repo=$(cd "${1:?usage: $0 REPO [BINDIR]}" && pwd)
bindir=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

proj="$work/project"
mkdir -p "$proj/app"
cd "$proj"
git init -q
cat >app/__init__.py <<'PY'
PY
cat >app/llm.py <<'PY'
from openai import OpenAI

client = OpenAI()


def ask_llm(prompt):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    return reply.choices[0].message.content
PY
cat >app/views.py <<'PY'
from django.http import JsonResponse

from .llm import ask_llm


def whoami(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    return JsonResponse({"answer": ask_llm(f"Which reports may {cn} run?")})
PY
cat >app/clean.py <<'PY'
from django.http import JsonResponse

from .llm import ask_llm


def faq(request):
    question = request.POST.get("question", "")
    return JsonResponse({"answer": ask_llm(question)})
PY
git add .
git -c user.name=ci -c user.email=ci@example.invalid commit -q -m "fixture"

# expect HOOK FILE WANT_STATUS [TEXT]: run the hook on FILE, check the
# exit status (0 pass, 1 fail) and, for a failure, that TEXT is shown.
expect() {
  local hook=$1 file=$2 want=$3 text=${4:-} out status=0
  out=$(pre-commit try-repo "$repo" "$hook" --files "$file" 2>&1) || status=$?
  if [ "$status" -ne "$want" ]; then
    echo "FAIL: hook $hook on $file exited $status, want $want"
    echo "$out"
    return 1
  fi
  if [ -n "$text" ] && ! grep -qF -- "$text" <<<"$out"; then
    echo "FAIL: hook $hook on $file: output lacks: $text"
    echo "$out"
    return 1
  fi
  echo "ok: hook $hook on $file exited $status"
}

leak="app/views.py:8:36: LK101"
expect llmleak app/views.py 1 "$leak"
expect llmleak app/clean.py 0
expect llmleak app/llm.py 0

if [ -n "$bindir" ]; then
  PATH="$bindir:$PATH" expect llmleak-system app/views.py 1 "$leak"
  PATH="$bindir:$PATH" expect llmleak-system app/clean.py 0
fi
