#!/usr/bin/env bash
# Renders assets/logo.svg into the PNG icons the manifest names (needs ImageMagick: apt-get install imagemagick).
set -euo pipefail
cd "$(dirname "$0")/../assets"
for size in 16 32 64 80 128; do
  convert -background none -density 300 logo.svg -resize "${size}x${size}" -strip -depth 8 "icon-${size}.png"
done
convert -background none -density 300 logo.svg -resize 300x300 -strip -depth 8 logo-filled.png
