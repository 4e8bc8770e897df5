#!/usr/bin/env bash
# Prepares the machine, then runs one of the project's tasks under the right Node.
#
#   bash scripts/bootstrap.sh start   migrate, import seeds if empty, build if stale, serve
#   bash scripts/bootstrap.sh test    format/lint, svelte-check, unit tests, e2e; one summary line
#   bash scripts/bootstrap.sh run CMD run CMD (e.g. `npx tsx scripts/x.ts`) under the prepared Node
#
# npm runs this script with whatever Node the machine has (Debian ships Node 20). When that Node is
# older than 22.17 we fetch the official Node 24 build from the npm registry (the only registry the
# machine reaches), cache it outside the repo, and re-run everything under it.
set -euo pipefail

NODE_VERSION=24.21.0
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${BIANMIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bianmin}
cd "$ROOT"

log() { printf '[bianmin] %s\n' "$*" >&2; }

node_ok() {
	command -v node >/dev/null 2>&1 || return 1
	node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=17)?0:1)' 2>/dev/null
}

ensure_node() {
	if node_ok; then return; fi
	local arch
	case "$(uname -m)" in
	x86_64 | amd64) arch=x64 ;;
	aarch64 | arm64) arch=arm64 ;;
	*) log "unsupported CPU $(uname -m): install Node >= 22.17 yourself"; exit 1 ;;
	esac
	local dir="$CACHE/node-$NODE_VERSION-linux-$arch"
	if [ ! -x "$dir/bin/node" ]; then
		log "Node $(node -v 2>/dev/null || echo none) is too old; fetching Node $NODE_VERSION from the npm registry"
		local tmp
		tmp=$(mktemp -d)
		(cd "$tmp" && npm pack --silent "node-linux-$arch@$NODE_VERSION" >/dev/null)
		mkdir -p "$dir.partial"
		tar -xzf "$tmp"/node-linux-"$arch"-*.tgz --strip-components=1 -C "$dir.partial"
		rm -rf "$tmp" "$dir"
		mv "$dir.partial" "$dir"
	fi
	# npm looks for its global config beside the node binary; keep the machine's (CA file etc.).
	local npm_global
	npm_global=$(npm config get globalconfig 2>/dev/null || true)
	[ -f /usr/etc/npmrc ] && npm_global=/usr/etc/npmrc
	export PATH="$dir/bin:$PATH"
	# node-gyp builds native modules against these headers instead of downloading them.
	export npm_config_nodedir="$dir"
	[ -n "$npm_global" ] && [ -f "$npm_global" ] && export npm_config_globalconfig="$npm_global"
	node_ok || { log "could not prepare Node $NODE_VERSION"; exit 1; }
}

deps_stamp() {
	echo "$(cat package-lock.json package.json | sha256sum | cut -c1-64)-$(node -v)"
}

ensure_deps() {
	local have=""
	[ -f node_modules/.bianmin-stamp ] && have=$(cat node_modules/.bianmin-stamp)
	if [ "$(deps_stamp)" != "$have" ]; then
		log "installing dependencies"
		# `npm ci`: exactly the locked versions, never a rewritten lock. The lock is generated from
		# scratch (rm -rf node_modules package-lock.json && npm install), so it lists every
		# platform's optional native packages (rollup, esbuild, jieba…) and is valid on macOS and
		# Windows too; one updated with node_modules present lacks them and `npm ci` refuses it.
		npm ci --no-audit --no-fund --loglevel=error
		deps_stamp >node_modules/.bianmin-stamp
	fi
}

ensure_chromium() {
	if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return; fi
	if [ -x /usr/bin/chromium ]; then export CHROMIUM_PATH=/usr/bin/chromium; return; fi
	if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
		log "installing Chromium from Debian packages"
		apt-get update -qq >/dev/null
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
		export CHROMIUM_PATH=/usr/bin/chromium
		return
	fi
	log "no Chromium found: set CHROMIUM_PATH or install the 'chromium' package"
	exit 1
}

# Tesseract (OCR of photographed and scanned pages) with its Chinese models, and CJK fonts (so
# Chromium renders the Chinese test pages the OCR tests read). Debian packages, like Chromium.
# `test` needs them (in CI a missing OCR fails the run rather than skipping tests); `start` installs them when it can
# and otherwise serves anyway: uploads of PDFs with a text layer and of text still work, and a
# photo's job fails with a message saying OCR is not installed.
OCR_PACKAGES="tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra fonts-noto-cjk"
ocr_ready() {
	command -v tesseract >/dev/null 2>&1 &&
		tesseract --list-langs 2>/dev/null | grep -qx chi_sim &&
		{ [ -d /usr/share/fonts/opentype/noto ] || fc-list 2>/dev/null | grep -qi 'Noto.*CJK'; }
}
ensure_ocr() {
	local required=$1
	if ocr_ready; then return; fi
	if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
		log "installing Tesseract OCR (Chinese) and CJK fonts from Debian packages"
		apt-get update -qq >/dev/null
		# shellcheck disable=SC2086
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $OCR_PACKAGES >/dev/null
		ocr_ready && return
	fi
	if [ "$required" = required ]; then
		log "Tesseract with chi_sim not found: install the Debian packages $OCR_PACKAGES"
		exit 1
	fi
	log "no Tesseract OCR: photos and scanned PDFs cannot be read (install $OCR_PACKAGES)"
}

task=${1:-}
shift || true
ensure_node
ensure_deps
case "$task" in
start)
	ensure_ocr optional
	exec node_modules/.bin/tsx scripts/start.ts "$@"
	;;
test)
	ensure_chromium
	# In CI the OCR tests must run; elsewhere they are skipped when OCR cannot be installed.
	if [ -n "${CI:-}" ]; then ensure_ocr required; else ensure_ocr optional; fi
	exec node_modules/.bin/tsx scripts/test.ts "$@"
	;;
test:pg)
	# The database tests and the e2e suite against a throwaway PostgreSQL (scripts/pg.sh).
	ensure_chromium
	if [ -n "${CI:-}" ]; then ensure_ocr required; else ensure_ocr optional; fi
	exec bash scripts/pg.sh node_modules/.bin/tsx scripts/test.ts --pg "$@"
	;;
run) exec "$@" ;;
*) log "usage: bootstrap.sh start|test|test:pg|run CMD"; exit 2 ;;
esac
