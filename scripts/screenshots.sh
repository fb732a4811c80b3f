#!/usr/bin/env bash
# The README's pictures, made from Reports/ by the test tooling: the HTML pages in headless
# Chromium (scripts/browser_check.py, which also checks them) and a workbook's first sheet as
# LibreOffice prints it. Needs chromium, libreoffice-calc, poppler-utils and fonts-ipaexfont.
#   scripts/screenshots.sh        # writes docs/images/*.png
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/images
mkdir -p "$out"
check=scripts/browser_check.py
python3 "$check" --click principles/equality/koganei --screenshot "$out/html-heatmap.png" Reports/compare-principles-wide.html >/dev/null
python3 "$check" --screenshot "$out/html-similarity.png" --scroll-to similarity --height 700 Reports/compare-forms-wide.html >/dev/null
python3 "$check" --screenshot "$out/html-diff.png" --height 800 Reports/diff-kodaira-guideline-kodaira-handbook.html >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice --headless -env:UserInstallation=file://"$work"/profile --convert-to pdf --outdir "$work" Reports/compare-principles-presence.xlsx >/dev/null 2>&1
pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$work"/compare-principles-presence.pdf "$out/workbook"
ls -l "$out"
