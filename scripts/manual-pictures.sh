#!/usr/bin/env bash
# The pictures of the in-app 操作マニュアル (desktop-app/src/main/resources/jp/sitesign/desktop/help/images/),
# remade from the real screens after the screens change:
#   scripts/manual-pictures.sh
# Takes the screenshots the manuals name (scripts/screenshots.sh: the demo server in-process, the real window
# under Xvfb when available), one language at a time, and scales them to 720 px wide (tools.ManualPictures, JDK
# only), so the set stays small (about 1 MB). Which pictures: every line "![…](name-LANG.png)" in
# help/manual_*.md. The full-size screenshots stay in target/manual-pictures/.
set -euo pipefail
cd "$(dirname "$0")/.."
HELP=desktop-app/src/main/resources/jp/sitesign/desktop/help
WIDTH=${MANUAL_PICTURE_WIDTH:-720}
RAW=$(realpath -m target/manual-pictures)
all=$(grep -ho '^!\[[^]]*\]([A-Za-z0-9._-]*\.png)' "$HELP"/manual_*.md | sed 's/.*(\(.*\)\.png)/\1/' | sort -u)
[ -n "$all" ] || { echo "no pictures named in $HELP/manual_*.md" >&2; exit 1; }
rm -rf "$RAW"
mkdir -p "$RAW"
for lang in ja en; do
  names=$(echo "$all" | grep -- "-$lang\$" | paste -sd, - || true)
  [ -z "$names" ] || scripts/screenshots.sh "$RAW" "$names"
done
rm -f "$HELP"/images/*.png
# shellcheck disable=SC2086 # one argument per picture name
java -cp desktop-app/target/test-classes jp.sitesign.desktop.tools.ManualPictures "$RAW" "$HELP/images" "$WIDTH" $all
