# Sourced by the desktop benchmarks (bench/desktop.sh, bench/preview.sh) once CP is set: defines run(),
# which starts a desktop JVM with the app's own options (desktop-app/jvm.options and MALLOC_ARENA_MAX=2,
# as ./sitesign starts it) under Xvfb with GTK when xvfb-run and libgtk-3-0 are installed, else on
# headless Monocle.
mapfile -t JVM < <(grep -v '^#' desktop-app/jvm.options | grep .)
export MALLOC_ARENA_MAX=2
if command -v xvfb-run >/dev/null && ldconfig -p | grep -q libgtk-3.so.0; then
  echo "window system: GTK on Xvfb"
  run() { xvfb-run -a -s "-screen 0 1280x800x24" java "${JVM[@]}" -Djava.awt.headless=true -cp "$CP" "$@" 2>/dev/null; }
else
  echo "window system: headless Monocle (software rendering)"
  run() { java "${JVM[@]}" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
      -cp "$CP" "$@" 2>/dev/null; }
fi
