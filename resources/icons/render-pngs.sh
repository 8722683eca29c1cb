#!/bin/bash
# Regenerates the hicolor PNGs (and the scalable copy) of the Fleet Console
# application icon from the SVG sources in this directory. Needs rsvg-convert.
set -euo pipefail

cd "$(dirname "$0")"

# 16-24 px use the simplified drawing; the full motif turns to mush there.
small_sizes=(16 22 24)
large_sizes=(32 48 64 128 256 512)

for n in "${small_sizes[@]}"; do
    mkdir -p "hicolor/${n}x${n}/apps"
    rsvg-convert -w "$n" -h "$n" fleet-console-small.svg -o "hicolor/${n}x${n}/apps/fleet-console.png"
done
for n in "${large_sizes[@]}"; do
    mkdir -p "hicolor/${n}x${n}/apps"
    rsvg-convert -w "$n" -h "$n" fleet-console.svg -o "hicolor/${n}x${n}/apps/fleet-console.png"
done

mkdir -p hicolor/scalable/apps
cp fleet-console.svg hicolor/scalable/apps/fleet-console.svg
