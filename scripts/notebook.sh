#!/usr/bin/env bash
# npm run notebook: opens Jupyter Notebook on notebooks/ with the project's tslab kernel.
# Extra arguments go to jupyter notebook (e.g. npm run notebook -- --port 8899 --no-browser).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
cd "$ROOT"
jupyter_ready || die "Jupyter is not installed; run npm run setup first"
[ -f dist/index.js ] || die "the library is not built; run npm run setup (or npm run build) first"
ensure_package_link
ensure_kernel
extra=()
# Jupyter refuses to run as root without this flag (containers, CI machines).
[ "$(id -u)" -eq 0 ] && extra+=(--allow-root)
exec "$JUPYTER" notebook --notebook-dir="$ROOT/notebooks" "${extra[@]}" "$@"
