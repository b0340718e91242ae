#!/usr/bin/env bash
# npm run notebooks [-- notebooks/01-daten.ipynb …]: executes notebooks headless with the tslab kernel
# (all notebooks/*.ipynb when no argument is given; an argument may be a path or a name like 01-daten).
# scripts/lib/run_notebooks.py runs $NOTEBOOK_JOBS notebooks at a time (default: the number of cores), one kernel
# per notebook. Executed copies and HTML renderings go to output/notebooks/, which holds plotly.js once
# (plotly.min.js, loaded by every rendering). Exits non-zero if any cell of any notebook fails (a notebook stops at
# its first failing cell; errors are never allowed); the notebook, the cell and its error are printed.
# scripts/notebook-html.ts (one headless Chromium for all renderings, fed each rendering as soon as it exists) puts
# a static PNG after every plotly figure of each HTML rendering (<noscript>, the image in
# output/notebooks/<name>-abbildungen/) and checks that every rendering opens offline with every figure drawn, no
# network request and no console error; a problem fails the run. Needs /usr/bin/chromium (CI installs it); without
# it, outside CI, this step is skipped with a message. Timeout per cell: $NOTEBOOK_TIMEOUT seconds (default 1800).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
cd "$ROOT"
jupyter_ready || die "Jupyter is not installed; run npm run setup first"
[ -f dist/index.js ] || die "the library is not built; run npm run build first"
ensure_package_link
ensure_kernel

timeout="${NOTEBOOK_TIMEOUT:-1800}"
out="$ROOT/output/notebooks"
mkdir -p "$out"

notebooks=()
if [ "$#" -eq 0 ]; then
  shopt -s nullglob
  notebooks=(notebooks/*.ipynb)
  shopt -u nullglob
  [ "${#notebooks[@]}" -gt 0 ] || die "no notebooks in notebooks/"
else
  for arg in "$@"; do
    if [ -f "$arg" ]; then notebooks+=("$arg")
    elif [ -f "notebooks/$arg" ]; then notebooks+=("notebooks/$arg")
    elif [ -f "notebooks/$arg.ipynb" ]; then notebooks+=("notebooks/$arg.ipynb")
    else die "notebook not found: $arg"
    fi
  done
fi

# Static figures and the offline check (scripts/notebook-html.ts, one Chromium) receive each rendering as soon as
# it is written, while the remaining notebooks still execute.
post=()
if [ -x /usr/bin/chromium ]; then
  post=(--post "$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/notebook-html.ts" --stdin)
elif [ "${CI:-}" = "true" ]; then
  die "/usr/bin/chromium is missing; CI must install it (bash scripts/setup.sh --with-chromium)"
else
  log "skipping static figures and offline check of the HTML renderings: /usr/bin/chromium is missing (apt-get install chromium)"
fi

# Several notebooks at a time (default: one per core), each in its own kernel; see scripts/lib/run_notebooks.py.
jobs="${NOTEBOOK_JOBS:-$(nproc 2>/dev/null || echo 1)}"
log "executing ${#notebooks[@]} notebook(s), $jobs at a time"
exec "$DEBIAN_PYTHON" "$ROOT/scripts/lib/run_notebooks.py" --kernel "$KERNEL_NAME" --timeout "$timeout" \
  --jobs "$jobs" --out "$out" "${notebooks[@]}" "${post[@]}"
