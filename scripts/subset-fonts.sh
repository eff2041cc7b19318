#!/usr/bin/env bash
# Rebuilds app/fonts/*-latin.woff2 from the `geist` package's variable fonts: Latin (Google Fonts' "latin" range plus
# the arrows and symbols the UI uses) and the weight axis cut to 400-700. Needs fontTools with brotli
# (Debian: apt-get install python3-fonttools python3-brotli). Run it after upgrading `geist`; commit the output.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-/usr/bin/python3}
RANGES="U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2190-2199,U+2212,U+2215,U+2318,U+FEFF,U+FFFD"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for font in geist-sans/Geist-Variable geist-mono/GeistMono-Variable; do
  name=$(basename "$font")
  "$PY" -m fontTools.subset "node_modules/geist/dist/fonts/$font.woff2" --unicodes="$RANGES" --flavor=woff2 \
    --layout-features='*' --output-file="$tmp/$name.woff2"
  "$PY" -m fontTools.varLib.instancer "$tmp/$name.woff2" wght=400:700 -q -o "app/fonts/$name-latin.woff2"
  echo "app/fonts/$name-latin.woff2: $(stat -c %s "app/fonts/$name-latin.woff2") bytes"
done
