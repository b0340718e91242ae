#!/usr/bin/env bash
# npm run setup: everything a fresh Debian machine needs to build sozialraum and run its notebooks.
# Idempotent: each step only does work when something is missing.
#   1. Jupyter from Debian (only when missing; needs root or sudo): apt-get install jupyter-notebook …
#   2. npm ci when node_modules is missing
#   3. npm run build
#   4. the project-local tslab kernel (.jupyter-local/) and the notebooks' link to the built package
# Option --with-chromium: also install Debian's chromium (browser tests, PNG/SVG export), when missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
cd "$ROOT"

packages=()
for arg in "$@"; do
  case "$arg" in
    --with-chromium) [ -x /usr/bin/chromium ] || packages+=(chromium) ;;
    *) die "unknown option $arg (known: --with-chromium)" ;;
  esac
done
if jupyter_ready; then
  log "Jupyter (Debian) is present"
else
  packages+=(jupyter-notebook jupyter-nbconvert jupyter-client python3-ipykernel)
fi
if [ "${#packages[@]}" -gt 0 ]; then
  log "installing from Debian: ${packages[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "installing ${packages[*]} needs root (or sudo)"
    SUDO=sudo
  fi
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
  jupyter_ready || die "Jupyter is still incomplete after apt-get install"
fi

if [ ! -d node_modules ]; then
  log "npm ci"
  npm ci --no-audit --no-fund
fi

log "npm run build"
npm run --silent build

ensure_package_link
ensure_kernel
log "kernel spec: $KERNEL_DIR/kernel.json"
"$JUPYTER" kernelspec list
log "done. Next: npm run notebooks (execute all notebooks) or npm run notebook (open Jupyter)"
