# The console under Wine (src/app/console.rs). boardroom.exe is a console
# program; started as a shortcut starts it (`start`: a console of its own)
# it must let that console go once it opens its window, and started from a
# shell (cmd in a console, starting it there) keep the shell's. The command
# line must still print, give its exit code, and stop quietly when its
# reader has gone. The window opens at the size it asks for. Needs xdotool.
# Sourced by scripts/windows-smoke (see its header).
#
# Wine shows it: its conhost draws a console window for the console `start`
# makes, behind the app's window as on Windows, and it goes once the app lets
# the console go. console_of.exe attaches to the app's console, as Windows'
# own tools do, to see whether it has one. What Wine cannot show is Windows'
# own conhost and Windows Terminal (docs/PACKAGING.md's checklist).

# console_helper: builds console_of.exe (scripts/wine/console_of.c) once.
console_helper() {
    [ -x "$SMOKE_TMP/console_of.exe" ] && return 0
    x86_64-w64-mingw32-gcc -municode -O2 -s -o "$SMOKE_TMP/console_of.exe" \
        "$SMOKE_DIR/wine/console_of.c"
}

# window_console NAME START…: starts the app on the sample with `wine START…
# EXE BOARD` (the app's log to $SMOKE_OUT/console-NAME.log), waits until it
# has drawn, and sets CONSOLE_SEEN to what console_of.exe says of it and
# CONSOLE_LOG to the log's line about the console, CONSOLE_WINDOWS to how
# many console windows are shown, SESSION_END to how often the log says the
# session's end reached it (wineboot --end-session), and WINDOW_SIZE to the window's size
# (xdotool: its client area, WIDTHxHEIGHT).
window_console() {
    local name=$1 log="$SMOKE_OUT/console-$1.log" secs
    shift
    console_helper
    display_start
    put "$SAMPLE"
    rm -f "$log"
    secs=$(cd "$SMOKE_TMP/windows" &&
        export RUST_LOG=boardroom=info BOARDROOM_LOG_FILE="$(winpath "$log")" &&
        WIN_EXE=start APP_LOG="$SMOKE_OUT/console-$name.out" \
            app_until_drawn "$SMOKE_OUT/console-$name.png" 90 "$@" \
            "$(winpath "$SMOKE_TMP/windows/manchester_ict_2021.ron")") ||
        { app_stop; display_stop; return 1; }
    figure "cold start to a drawn window under Wine, $name (s)" "$secs"
    CONSOLE_SEEN=$("$WINE" "$SMOKE_TMP/console_of.exe" boardroom.exe 2>/dev/null | tr -d '\r')
    # The app's window (its title ends "— Boardroom"; not the hidden
    # BoardroomEndSession, nor the console's, titled with the exe's path):
    # the X window Wine makes for its client area.
    local w
    w=$(xdotool search --name '— Boardroom' 2>/dev/null | head -1 || true)
    WINDOW_SIZE=$(xdotool getwindowgeometry "$w" 2>/dev/null | sed -n 's/ *Geometry: //p' || true)
    # Console windows on the screen: Wine's conhost draws one for a console
    # `start` makes, as Windows does, behind the app's window.
    CONSOLE_WINDOWS=$(xdotool search --onlyvisible --class conhost 2>/dev/null | wc -l || true)
    figure "the window's first size under Wine, $name" "${WINDOW_SIZE:-not found}"
    # Logging off: the session's end must reach the app with or without its
    # console (src/app/end_session.rs's window).
    timeout 60 "$WINE" wineboot --end-session >/dev/null 2>&1 || true
    sleep 1
    SESSION_END=$(grep -c 'Windows is ending the session' "$log" 2>/dev/null || true)
    app_stop
    display_stop
    CONSOLE_LOG=$(grep -o 'the console .*' "$log" 2>/dev/null | head -1 || true)
    say "  the app's log: ${CONSOLE_LOG:-nothing about the console}"
    say "  wineboot --end-session: the app's log says the session's end reached it ${SESSION_END:-0} time(s)"
    say "  console_of boardroom.exe, its window drawn: $CONSOLE_SEEN; console windows shown: $CONSOLE_WINDOWS"
}

check_console_start_menu() {
    # `start /unix EXE` starts it as a shortcut does: a new console, its alone.
    window_console start-menu /wait /unix "$EXE"
    [[ $CONSOLE_LOG == *"Boardroom's own"*"let go"* ]]
    [[ $CONSOLE_SEEN == "no console"* ]]
    [ "$CONSOLE_WINDOWS" = 0 ]
    # With no console, the session's end still comes, to the window.
    grep -q 'no console (let go at start)' "$SMOKE_OUT/console-start-menu.log"
    [ "${SESSION_END:-0}" -ge 1 ]
    # The size the app asks for (src/app/mod.rs), in the 1600×1000 screen.
    [ "$WINDOW_SIZE" = 1400x900 ]
}
register console_start_menu "started as a shortcut starts it: the app lets its console go"

check_console_from_shell() {
    # cmd in a console of its own, starting the app in it: the console is cmd's too.
    window_console from-shell /wait cmd /c "$(winpath "$EXE")"
    [[ $CONSOLE_LOG == *"shared by 2 programs"*"kept"* ]]
    # cmd, the app and console_of itself.
    [ "$CONSOLE_SEEN" = "console 3" ]
    # cmd's console window stays, as a shell's does.
    [ "$CONSOLE_WINDOWS" = 1 ]
    [ "${SESSION_END:-0}" -ge 1 ]
}
register console_from_shell "started from a shell: the app keeps the shell's console"

check_console_cli() {
    put "$SAMPLE"
    printf '(title: "broken",' >"$SMOKE_TMP/windows/broken.ron"
    cd "$SMOKE_TMP/windows"
    local exe code
    exe=$(winpath "$EXE")
    # From cmd: the output and the exit code pass through.
    code=0
    "$WINE" cmd /c "$exe" summary manchester_ict_2021.ron --json >cmd-summary.json 2>cmd-summary.err ||
        code=$?
    [ "$code" = 0 ] || { say "  cmd /c summary: exit $code: $(head -c 300 cmd-summary.err)"; return 1; }
    "$LINUX_BIN" summary manchester_ict_2021.ron --json >linux-summary.json
    cmp -s cmd-summary.json linux-summary.json ||
        { say "  cmd /c summary --json differs from Linux's"; return 1; }
    say "  cmd /c boardroom.exe summary --json: exit 0, Linux's $(wc -c <linux-summary.json) bytes"
    code=0
    "$WINE" cmd /c "$exe" check broken.ron >/dev/null 2>cmd-check.err || code=$?
    [ "$code" = 1 ] || { say "  cmd /c check broken.ron: exit $code, not 1"; return 1; }
    grep -q 'broken.ron' cmd-check.err
    say "  cmd /c boardroom.exe check broken.ron: exit 1, $(head -1 cmd-check.err | head -c 120)"
    # A command in a console of its own (a shortcut with arguments) keeps
    # it: it runs to its end and gives its exit code.
    code=0
    "$WINE" start /wait /unix "$EXE" check "$(winpath "$SMOKE_TMP/windows/broken.ron")" || code=$?
    [ "$code" = 1 ] || { say "  start /wait check broken.ron: exit $code, not 1"; return 1; }
    say "  start /wait /unix boardroom.exe check broken.ron: exit 1"
}
register console_cli "the command line from cmd and in a console of its own: output and exit codes"

check_console_closed_pipe() {
    put "$SAMPLE"
    cd "$SMOKE_TMP/windows"
    local cmd code
    for cmd in "raid list" "summary" "diff manchester_ict_2021.ron"; do
        # The reader is gone before Wine has started the program.
        # shellcheck disable=SC2086
        {
            code=0
            "$WINE" "$EXE" $cmd manchester_ict_2021.ron 2>pipe.err || code=$?
            echo "$code" >pipe.code
        } | true
        code=$(cat pipe.code)
        if [ "$code" != 0 ] || grep -q 'panicked' pipe.err; then
            say "  $cmd | (closed): exit $code: $(head -c 300 pipe.err)"
            return 1
        fi
        say "  boardroom.exe $cmd … | (closed pipe): exit 0, nothing on stderr about it"
    done
}
register console_closed_pipe "the command line on a closed pipe: no panic, exit 0"
