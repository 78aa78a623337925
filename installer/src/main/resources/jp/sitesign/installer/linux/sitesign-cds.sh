#!/bin/sh
# SiteSign's class-data-sharing archive (ADR 20), made on the machine the app is installed on: Java 17 ties an archive
# of an app's classes to the jar's absolute path, so the build ships only the list of classes a start loads (recorded
# by starting the app once) and this script turns it into the archive at the installed path. The package's postinst
# runs "make", its prerm "remove". The launcher is pointed at the archive only once it exists; any failure leaves the
# app starting as before, only slower.
#   sitesign-cds.sh make|remove
set -u
app=$(cd "$(dirname "$0")" && pwd)
cfg="$app/SiteSign.cfg"
option='java-options=-XX:SharedArchiveFile=$APPDIR/sitesign.jsa'
case "${1:-}" in
    make)
        [ -f "$app/sitesign.classlist" ] || exit 0
        rm -f "$app/sitesign.jsa"
        if "$app/../runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/sitesign.classlist" \
                -XX:SharedArchiveFile="$app/sitesign.jsa" @JAVA_OPTIONS@ -cp "$app/sitesign-desktop.jar" >/dev/null 2>&1 \
                && [ -s "$app/sitesign.jsa" ]; then
            grep -qxF "$option" "$cfg" || sed -i "/^\[JavaOptions\]/a $option" "$cfg"
        else
            echo "SiteSign: no class-data-sharing archive made; the app starts without it" >&2
            rm -f "$app/sitesign.jsa"
        fi
        ;;
    remove)
        [ -f "$cfg" ] && sed -i '/^java-options=-XX:SharedArchiveFile=/d' "$cfg"
        rm -f "$app/sitesign.jsa"
        ;;
    *)
        echo "usage: $0 make|remove" >&2
        exit 2
        ;;
esac
exit 0
