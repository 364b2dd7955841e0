#!/usr/bin/env bash
# Extract the real-world regression set into a corpus directory.
#
# For each entry of repos.json (next to this script), take the git
# repository of owner/name from MIRROR and write `git archive <commit>`
# into CORPUS/<owner>+<name>/, with a .llmleak-commit marker holding the
# commit. A directory whose marker already holds the pinned commit is left
# alone; one with another commit (or none) is replaced.
#
# Usage: extract.sh [MIRROR [CORPUS]]
#   MIRROR  directory of git repositories (default /work/.mirror). For a
#           repository owner/name it looks, in order, at
#           MIRROR/<owner>+<name>/repo, MIRROR/<owner>+<name>,
#           MIRROR/<owner>/<name>.git and MIRROR/<owner>/<name>: a bare git
#           dir or a clone, of the public GitHub repository, holding the
#           pinned commit (any `git clone` of it works).
#   CORPUS  output directory (default /work/rw/corpus).
# Both may also be given as environment variables MIRROR and CORPUS.
#
# Exit status: 0 when every repository is present at its commit; 1 when
# some could not be extracted (each is named on stderr).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
list="$here/repos.json"
mirror=${1:-${MIRROR:-/work/.mirror}}
corpus=${2:-${CORPUS:-/work/rw/corpus}}

if [[ ! -f $list ]]; then
	echo "extract.sh: $list: not found" >&2
	exit 2
fi
mkdir -p "$corpus"

# repos.json -> "owner/name commit" lines.
read_list() {
	if command -v jq >/dev/null 2>&1; then
		jq -r '.[] | "\(.repo) \(.commit)"' "$list"
	else
		python3 -c 'import json,sys
for e in json.load(open(sys.argv[1])):
    print(e["repo"], e["commit"])' "$list"
	fi
}

# find_git owner/name: print the git dir for the repository, if any.
find_git() {
	local repo=$1 flat=${1/\//+} cand
	for cand in "$mirror/$flat/repo" "$mirror/$flat" "$mirror/$repo.git" "$mirror/$repo"; do
		if [[ -d $cand ]] && git --git-dir="$cand" rev-parse --git-dir >/dev/null 2>&1; then
			echo "$cand"
			return 0
		fi
		if [[ -d $cand/.git ]]; then
			echo "$cand/.git"
			return 0
		fi
	done
	return 1
}

# missing_blobs GITDIR COMMIT: print the paths of the commit whose blobs
# the repository lacks (a partial mirror that leaves out very large files
# or Git LFS content), one a line.
missing_blobs() {
	local gitdir=$1 commit=$2 blobs absent
	blobs=$(git --git-dir="$gitdir" ls-tree -r --full-tree --format='%(objecttype) %(objectname) %(path)' "$commit" |
		awk '$1 == "blob" { print substr($0, 6) }')
	absent=$(cut -d' ' -f1 <<<"$blobs" | git --git-dir="$gitdir" cat-file --batch-check |
		awk '$2 == "missing" { print $1 }')
	[[ -n $absent ]] || return 0
	awk 'NR == FNR { gone[$1] = 1; next } ($1 in gone) { print substr($0, length($1) + 2) }' \
		<(printf '%s\n' "$absent") <(printf '%s\n' "$blobs")
}

# archive_without GITDIR COMMIT PATHS: `git archive` of the commit's tree
# with PATHS (newline-separated) left out. The pruned tree is written to a
# throw-away object directory, so the mirror is not modified; archiving a
# tree keeps the commit's export-ignore attributes.
archive_without() {
	local gitdir=$1 commit=$2 paths=$3 scratch tree rc=0
	scratch=$(mktemp -d)
	mkdir -p "$scratch/objects"
	(
		export GIT_DIR="$gitdir" GIT_INDEX_FILE="$scratch/index" \
			GIT_OBJECT_DIRECTORY="$scratch/objects" \
			GIT_ALTERNATE_OBJECT_DIRECTORIES="$gitdir/objects"
		git read-tree "$commit" &&
			printf '%s\n' "$paths" | git update-index --force-remove --stdin &&
			tree=$(git write-tree) &&
			git archive --format=tar "$tree"
	) || rc=$?
	rm -rf "$scratch"
	return "$rc"
}

failed=0
while read -r repo commit; do
	[[ -n $repo ]] || continue
	dest="$corpus/${repo/\//+}"
	marker="$dest/.llmleak-commit"
	if [[ -f $marker && $(<"$marker") == "$commit" ]]; then
		echo "ok       $repo $commit (already extracted)"
		continue
	fi
	if ! gitdir=$(find_git "$repo"); then
		echo "extract.sh: $repo: no git repository under $mirror" >&2
		failed=1
		continue
	fi
	if ! git --git-dir="$gitdir" cat-file -e "$commit^{commit}" 2>/dev/null; then
		echo "extract.sh: $repo: commit $commit not in $gitdir" >&2
		failed=1
		continue
	fi
	tmp="$dest.tmp.$$"
	rm -rf "$tmp"
	mkdir -p "$tmp"
	missing=$(missing_blobs "$gitdir" "$commit")
	if [[ -z $missing ]]; then
		archive() { git --git-dir="$gitdir" archive --format=tar "$commit"; }
	else
		echo "warning  $repo: $(grep -c . <<<"$missing") file(s) absent from the mirror, skipped (see $dest/.llmleak-missing)" >&2
		archive() { archive_without "$gitdir" "$commit" "$missing"; }
	fi
	if ! archive | tar -x -C "$tmp"; then
		echo "extract.sh: $repo: git archive $commit failed" >&2
		rm -rf "$tmp"
		failed=1
		continue
	fi
	if [[ -n $missing ]]; then
		printf '%s\n' "$missing" >"$tmp/.llmleak-missing"
	fi
	printf '%s\n' "$commit" >"$tmp/.llmleak-commit"
	rm -rf "$dest"
	mv "$tmp" "$dest"
	echo "extract  $repo $commit"
done < <(read_list)

exit "$failed"
