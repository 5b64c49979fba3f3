#!/usr/bin/env bash
# Serves the editor at http://127.0.0.1:8080, rebuilding on change. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"
exec trunk serve --address 127.0.0.1 --port 8080 "$@"
