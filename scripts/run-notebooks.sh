#!/usr/bin/env bash
# npm run notebooks [-- notebooks/01-daten.ipynb …]: executes notebooks headless with the tslab kernel
# (all notebooks/*.ipynb when no argument is given; an argument may be a path or a name like 01-daten).
# Executed copies and HTML renderings go to output/notebooks/. Exits non-zero if any cell of any notebook fails
# (nbconvert stops at the first failing cell; --allow-errors is deliberately not used).
# Then scripts/notebook-html.ts (one headless Chromium for all renderings) puts a static PNG after every plotly
# figure of each HTML rendering (<noscript>, and output/notebooks/<name>-abbildungen/) and checks that every
# rendering opens offline with every figure drawn, no network request and no console error; a problem fails the
# run. Needs /usr/bin/chromium (CI installs it); without it, outside CI, this step is skipped with a message.
# Timeout per cell: $NOTEBOOK_TIMEOUT seconds (default 1800).
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

failed=()
run_start=$SECONDS
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb" .ipynb)"
  log "executing $nb"
  start=$SECONDS
  if "$JUPYTER" nbconvert --to notebook --execute \
      --ExecutePreprocessor.kernel_name="$KERNEL_NAME" \
      --ExecutePreprocessor.timeout="$timeout" \
      --ExecutePreprocessor.startup_timeout=120 \
      --output-dir "$out" --output "$name" "$nb" &&
    "$JUPYTER" nbconvert --to html --output-dir "$out" --output "$name" "$out/$name.ipynb"; then
    log "ok: $nb ($((SECONDS - start)) s) -> output/notebooks/$name.ipynb, $name.html"
  else
    log "FAILED: $nb"
    failed+=("$nb")
    # Run once more with errors allowed, so that the failing cell's output (tslab prints compile errors and
    # stack traces as cell output, not in the nbconvert message) can be shown and inspected.
    if "$JUPYTER" nbconvert --to notebook --execute --allow-errors \
        --ExecutePreprocessor.kernel_name="$KERNEL_NAME" --ExecutePreprocessor.timeout="$timeout" \
        --output-dir "$out" --output "$name.failed" "$nb" >/dev/null 2>&1; then
      log "partial run with the error output: output/notebooks/$name.failed.ipynb"
      "$DEBIAN_PYTHON" - "$out/$name.failed.ipynb" <<'PY' >&2 || true
import json, sys
nb = json.load(open(sys.argv[1]))
for i, cell in enumerate(nb["cells"]):
    for o in cell.get("outputs", []):
        text = o.get("text") if o.get("name") == "stderr" else None
        if o.get("output_type") == "error":
            text = "\n".join([o.get("ename", "") + ": " + o.get("evalue", "")] + o.get("traceback", []))
        if text:
            print(f"--- cell {i + 1} ---\n" + ("".join(text) if isinstance(text, list) else text))
PY
    fi
  fi
done

# Static figures and the offline check, for the renderings of the notebooks that ran.
htmls=()
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb" .ipynb)"
  case " ${failed[*]} " in *" $nb "*) ;; *) htmls+=("$out/$name.html") ;; esac
done
html_failed=0
if [ "${#htmls[@]}" -gt 0 ]; then
  if [ -x /usr/bin/chromium ]; then
    log "static figures and offline check of ${#htmls[@]} HTML rendering(s)"
    "$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/notebook-html.ts" "${htmls[@]}" || html_failed=1
  elif [ "${CI:-}" = "true" ]; then
    die "/usr/bin/chromium is missing; CI must install it (bash scripts/setup.sh --with-chromium)"
  else
    log "skipped static figures and offline check of the HTML renderings: /usr/bin/chromium is missing (apt-get install chromium)"
  fi
fi

message=""
[ "${#failed[@]}" -eq 0 ] || message="${#failed[@]} of ${#notebooks[@]} notebook(s) failed: ${failed[*]}"
[ "$html_failed" -eq 0 ] || message="${message:+$message; }HTML renderings failed the offline check (problems above: notebook, figure, cause)"
[ -z "$message" ] || die "$message ($((SECONDS - run_start)) s)"
log "all ${#notebooks[@]} notebook(s) ran without errors; their HTML renderings draw every figure offline ($((SECONDS - run_start)) s)"
