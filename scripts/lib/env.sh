# Shared settings for the notebook scripts (sourced, not run). Keeps Jupyter's kernels, data and config inside
# the project (.jupyter-local/, git-ignored) so no global kernel or user setting is touched or used.
# Always the Debian Jupyter and Python: `python3` on PATH may be another interpreter (e.g. pyenv) without Jupyter.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JUPYTER=/usr/bin/jupyter
DEBIAN_PYTHON=/usr/bin/python3
LOCAL_JUPYTER="$ROOT/.jupyter-local"
KERNEL_NAME=tslab
KERNEL_DIR="$LOCAL_JUPYTER/kernels/$KERNEL_NAME"

export JUPYTER_PATH="$LOCAL_JUPYTER"
export JUPYTER_DATA_DIR="$LOCAL_JUPYTER/data"
export JUPYTER_CONFIG_DIR="$LOCAL_JUPYTER/config"
export JUPYTER_RUNTIME_DIR="$LOCAL_JUPYTER/runtime"
export IPYTHONDIR="$LOCAL_JUPYTER/ipython"
# Debian's debugpy prints a "frozen modules" warning on every Jupyter start; it is harmless.
export PYDEVD_DISABLE_FILE_VALIDATION=1

log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*"; }
die() { printf '[%s] error: %s\n' "$(basename "$0" .sh)" "$*" >&2; exit 1; }

# True when the Debian Jupyter pieces the scripts need are all present.
jupyter_ready() {
  [ -x "$JUPYTER" ] && [ -x /usr/bin/jupyter-notebook ] && [ -x /usr/bin/jupyter-nbconvert ] &&
    "$DEBIAN_PYTHON" -c 'import jupyter_client, nbconvert, nbformat, notebook' >/dev/null 2>&1
}

# Links notebooks/node_modules/sozialraum -> the project root, so that a notebook can write
# `import * as sr from "sozialraum"` like a user: tslab resolves modules from the notebook's folder
# (TypeScript 5.0, Node10 resolution: package.json "types"; at run time Node's require, which follows "main"/
# "exports" to dist/index.js). The link lives outside the root node_modules, so npm never prunes it.
ensure_package_link() {
  local link="$ROOT/notebooks/node_modules/sozialraum"
  mkdir -p "$ROOT/notebooks/node_modules"
  if [ "$(readlink "$link" 2>/dev/null)" != "../.." ]; then
    rm -f "$link"
    ln -s ../.. "$link"
    log "linked notebooks/node_modules/sozialraum -> project root"
  fi
}

# Writes the tslab kernel spec into .jupyter-local/kernels/tslab (absolute paths of this machine's node and the
# project's tslab; rewritten every time, so a moved checkout or another node version just works).
ensure_kernel() {
  local node tslab
  node="$(command -v node)" || die "node not found on PATH"
  tslab="$ROOT/node_modules/tslab/bin/tslab"
  [ -f "$tslab" ] || die "tslab is not installed ($tslab missing); run npm ci"
  mkdir -p "$KERNEL_DIR" "$JUPYTER_DATA_DIR" "$JUPYTER_CONFIG_DIR" "$JUPYTER_RUNTIME_DIR"
  NODE_BIN="$node" TSLAB_BIN="$tslab" KERNEL_JSON="$KERNEL_DIR/kernel.json" node -e '
    const fs = require("fs");
    const spec = {
      argv: [process.env.NODE_BIN, process.env.TSLAB_BIN, "kernel", "--config-path", "{connection_file}"],
      display_name: "TypeScript (sozialraum)",
      language: "typescript",
    };
    const text = JSON.stringify(spec, null, 2) + "\n";
    const file = process.env.KERNEL_JSON;
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  '
}
