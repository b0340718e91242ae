#!/usr/bin/env bash
# npm run setup: everything a fresh Debian machine needs to build sozialraum and run its notebooks.
# Idempotent: each step only does work when something is missing.
#   1. Jupyter from Debian (only when missing; needs root or sudo): apt-get install jupyter-notebook …
#   2. npm ci when node_modules is missing
#   3. npm run build
#   4. the project-local tslab kernel (.jupyter-local/) and the notebooks' link to the built package
# Option --with-chromium: also install Debian's chromium (browser tests, PNG/SVG export), when missing.
# Option --with-references: also the reference tools the benchmarks and test/reference/ scripts run beside ours
#   (R with spdep, sf, cluster; Debian python with numpy, pandas, libpysal, numba, joblib; gdal-bin's ogr2ogr).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
cd "$ROOT"

packages=()
for arg in "$@"; do
  case "$arg" in
    --with-chromium) [ -x /usr/bin/chromium ] || packages+=(chromium) ;;
    --with-references)
      command -v Rscript >/dev/null || packages+=(r-base-core)
      Rscript -e 'for (p in c("spdep", "sf", "cluster")) if (!requireNamespace(p, quietly = TRUE)) quit(status = 1)' 2>/dev/null ||
        packages+=(r-cran-spdep r-cran-sf r-cran-cluster)
      /usr/bin/python3 -c 'import numpy, pandas, libpysal, numba, joblib' 2>/dev/null ||
        packages+=(python3-numpy python3-pandas python3-libpysal python3-numba python3-joblib)
      command -v ogr2ogr >/dev/null || packages+=(gdal-bin)
      ;;
    *) die "unknown option $arg (known: --with-chromium, --with-references)" ;;
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
