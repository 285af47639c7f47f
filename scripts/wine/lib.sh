# Functions for running boardroom.exe under Wine and comparing it with the
# Linux build. Sourced by scripts/windows-smoke (and by the checks in
# scripts/wine/checks/); not run on its own.
#
# Set before sourcing: SMOKE_TMP (a private temporary folder), EXE (the
# Windows build), LINUX_BIN (the Linux build). After `wine_init`: WINEPREFIX,
# a Wine prefix of its own in SMOKE_TMP; after `display_start`: DISPLAY, a
# private Xvfb screen.

WINE=${WINE:-$(command -v wine64 || echo /usr/lib/wine/wine64)}
[ -x "$WINE" ] || WINE=/usr/lib/wine/wine64
WINESERVER=$(command -v wineserver || echo "$(dirname "$WINE")/wineserver")
export WINEDEBUG=-all
# Arguments and output in UTF-8 whatever the caller's locale (CI's may be C).
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# say MESSAGE: one line of the smoke test's log.
say() { printf '%s\n' "$*" >&2; }

# wine_init: a fresh 64-bit Wine prefix in $SMOKE_TMP/prefix, with the
# stand-in bcryptprimitives.dll (Wine 8 lacks it; Rust's standard library
# imports ProcessPrng from it) in its system32. Never shipped: Windows 10 and
# 11 have the real DLL.
wine_init() {
    export WINEPREFIX="$SMOKE_TMP/prefix" WINEARCH=win64
    # No Gecko or Mono installer prompts, no menu entries on this machine.
    export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
    "$WINE" wineboot -i >"$SMOKE_TMP/wineboot.log" 2>&1 || {
        tail -5 "$SMOKE_TMP/wineboot.log" >&2
        return 1
    }
    x86_64-w64-mingw32-gcc -shared -O2 -s -Wl,--kill-at \
        -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
        "$SMOKE_DIR/wine/bcryptprimitives.c" -ladvapi32
}

# wine_stop: ends every process of this smoke test's own Wine prefix.
# With no Wine process left, `wineserver -k` fails: that is not an error
# (under `set -e`, in the exit trap, it would stop the clean-up).
wine_stop() {
    if [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ]; then
        "$WINESERVER" -k 2>/dev/null || true
    fi
    return 0
}

# winpath PATH: the Windows form of an absolute Linux path (Z:\tmp\…), as a
# Windows user or a shortcut would pass it.
winpath() {
    local p
    p=$(realpath -m "$1")
    printf 'Z:%s' "${p//\//\\}"
}

# win_boardroom ARGS…: runs boardroom.exe (or $WIN_EXE, for another copy
# such as the installed one) under Wine in the current folder, with ARGS as
# given (relative paths work; use `winpath` for absolute ones). Its stdout
# and stderr are the program's; its exit code is the program's.
win_boardroom() {
    "$WINE" "${WIN_EXE:-$EXE}" "$@"
}

# linux_boardroom ARGS…: the same with the Linux build, for comparison.
linux_boardroom() {
    "$LINUX_BIN" "$@"
}

# both NAME ARGS…: runs ARGS with the Linux build in $SMOKE_TMP/linux and
# with the Windows build in $SMOKE_TMP/windows (each folder holding its own
# copies of the inputs), keeping each one's stdout, stderr and exit code as
# NAME.out, NAME.err, NAME.code there. Returns non-zero when the exit codes
# differ.
both() {
    local name=$1 code
    shift
    (cd "$SMOKE_TMP/linux" && linux_boardroom "$@" >"$name.out" 2>"$name.err"; echo $? >"$name.code")
    (cd "$SMOKE_TMP/windows" && win_boardroom "$@" >"$name.out" 2>"$name.err"; echo $? >"$name.code")
    if ! cmp -s "$SMOKE_TMP/linux/$name.code" "$SMOKE_TMP/windows/$name.code"; then
        say "  $name: exit $(cat "$SMOKE_TMP/linux/$name.code") on Linux, $(cat "$SMOKE_TMP/windows/$name.code") under Wine"
        say "  Wine's stderr: $(head -c 600 "$SMOKE_TMP/windows/$name.err")"
        return 1
    fi
    code=$(cat "$SMOKE_TMP/linux/$name.code")
    say "  $name: exit $code on both"
}

# same FILE [WHAT]: the file of that name in both folders is the same, byte
# for byte; else prints the first differences.
same() {
    local f=$1 what=${2:-$1}
    if cmp -s "$SMOKE_TMP/linux/$f" "$SMOKE_TMP/windows/$f"; then
        say "  $what: the same ($(wc -c <"$SMOKE_TMP/linux/$f") bytes)"
        return 0
    fi
    say "  $what differs:"
    diff "$SMOKE_TMP/linux/$f" "$SMOKE_TMP/windows/$f" | head -20 >&2
    return 1
}

# same_pdf_text PDF: both folders' PDFs have the same text (pdftotext).
same_pdf_text() {
    local f=$1 side
    for side in linux windows; do
        pdftotext -layout "$SMOKE_TMP/$side/$f" "$SMOKE_TMP/$side/$f.txt" || return 1
    done
    same "$f.txt" "$f's text"
}

# same_workbook XLSX: both folders' workbooks hold the same cells: every
# sheet's XML and the shared strings, byte for byte (the document's
# properties, which carry the time it was written, are left out).
same_workbook() {
    local f=$1 side part ok=0
    for side in linux windows; do
        rm -rf "$SMOKE_TMP/$side/$f.d"
        unzip -q -o "$SMOKE_TMP/$side/$f" -d "$SMOKE_TMP/$side/$f.d" || return 1
    done
    local parts
    parts=$(cd "$SMOKE_TMP/linux/$f.d" && find xl -name '*.xml' | sort)
    [ -n "$parts" ] || { say "  $f: no sheets"; return 1; }
    for part in $parts; do
        same "$f.d/$part" "$f: $part" >/dev/null 2>&1 || { say "  $f: $part differs"; ok=1; }
    done
    [ "$ok" = 0 ] && say "  $f: the same cells ($(echo "$parts" | wc -l) parts)"
    return $ok
}

# put FILE…: copies inputs into both folders.
put() {
    cp "$@" "$SMOKE_TMP/linux/"
    cp "$@" "$SMOKE_TMP/windows/"
}

# display_start: a private Xvfb screen (1600×1000) for the window checks, on
# a display number Xvfb itself finds free (-displayfd), so it never lands on
# another program's screen.
display_start() {
    local fifo=$SMOKE_TMP/displayfd n=""
    rm -f "$fifo"
    mkfifo "$fifo"
    Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$fifo" \
        >"$SMOKE_TMP/xvfb.log" 2>&1 &
    XVFB_PID=$!
    read -r -t 20 n <"$fifo" || true
    rm -f "$fifo"
    if [ -z "$n" ]; then
        say "Xvfb did not start: $(tail -3 "$SMOKE_TMP/xvfb.log")"
        return 1
    fi
    export DISPLAY=":$n"
}

# display_stop: ends the Xvfb screen display_start started.
display_stop() {
    [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null
    XVFB_PID=""
    return 0
}

# screen_colours PNG: how many colours the screenshot has. A drawn window
# (text, anti-aliased edges, charts) has hundreds; an empty screen one, and a
# window Wine made but nothing drew a handful.
screen_colours() {
    convert "$1" -format '%k' info:
}

# screen_spread PNG: the standard deviation of the screenshot's pixels (0: one
# colour), reported beside the colours.
screen_spread() {
    convert "$1" -format '%[fx:standard_deviation]' info:
}

# app_until_drawn OUT.png TIMEOUT ARGS…: starts boardroom.exe (or $WIN_EXE)
# under Wine with ARGS in the background and takes a screenshot of the whole
# screen every half second until one has at least 64 colours or TIMEOUT
# seconds pass. Leaves the app running (APP_PID) with its log in $APP_LOG
# (default $SMOKE_TMP/app.log); prints the seconds to the drawn window. Returns
# non-zero if nothing was drawn in time or the app exited.
app_until_drawn() {
    local out=$1 timeout=$2 start now colours
    shift 2
    start=$(date +%s.%N)
    local log=${APP_LOG:-$SMOKE_TMP/app.log}
    # A fresh Wine session: one left from a command run without this
    # DISPLAY (its desktop process has no screen) would never show the window.
    wine_stop
    "$WINESERVER" -w 2>/dev/null || true
    "$WINE" "${WIN_EXE:-$EXE}" "$@" >"$log" 2>&1 &
    APP_PID=$!
    while :; do
        sleep 0.5
        now=$(date +%s.%N)
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            say "  the app exited before drawing: $(tail -5 "$log")"
            return 1
        fi
        import -window root "$out" 2>/dev/null || continue
        colours=$(screen_colours "$out")
        if [ "$colours" -ge 64 ]; then
            # Half a second later the first frame's layout has settled.
            sleep 0.5
            import -window root "$out"
            awk -v a="$start" -v b="$now" 'BEGIN { printf "%.1f\n", b - a }'
            return 0
        fi
        if awk -v a="$start" -v b="$now" -v t="$timeout" 'BEGIN { exit !(b - a > t) }'; then
            say "  nothing drawn after ${timeout} s ($colours colours); the app's log:"
            tail -5 "$log" >&2
            return 1
        fi
    done
}

# app_stop: closes the app app_until_drawn started (and anything else of
# this prefix), and waits for it.
app_stop() {
    [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null
    wine_stop
    [ -n "${APP_PID:-}" ] && wait "$APP_PID" 2>/dev/null
    APP_PID=""
    return 0
}
