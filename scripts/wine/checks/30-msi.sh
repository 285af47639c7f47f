# The MSI under Wine: installed for the user without a prompt
# (msiexec /qn), under %LOCALAPPDATA%\Programs\Boardroom with a Start menu
# entry, "Open with" for .ron and an entry in Settings > Apps; started from
# where it was installed (it draws) and from its Start menu entry (it draws,
# and no console window stays); uninstalled, leaving nothing. Runs when
# SMOKE_MSI names the MSI (scripts/package makes it). Sourced by
# scripts/windows-smoke (see its header).

# reg_has KEY [PATTERN]: the key exists in the prefix's registry (and its
# values match PATTERN).
reg_has() {
    local out
    out=$("$WINE" reg query "$1" /s 2>/dev/null) || return 1
    [ -z "${2:-}" ] || grep -q "$2" <<<"$out"
}

# The Uninstall entry Settings > Apps lists (Wine keeps per-user products'
# under HKLM's view; Windows under the user's).
arp_entry() {
    local root
    for root in HKCU HKLM; do
        reg_has "$root\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall" \
            "DisplayName *REG_SZ *Boardroom" && return 0
    done
    return 1
}

check_msi_install_start_uninstall() {
    [ -n "${SMOKE_MSI:-}" ] || { say "  SMOKE_MSI is not set: scripts/package makes the MSI"; return 2; }
    local msi
    msi=$(winpath "$SMOKE_MSI")
    "$WINE" msiexec /qn /i "$msi"
    local home
    home=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Local/Programs/Boardroom 2>/dev/null | head -1)
    [ -n "$home" ] || { say "  not installed under AppData\\Local\\Programs\\Boardroom"; return 1; }
    # The program and nothing else: never the Wine test's stand-in DLL.
    [ "$(ls "$home")" = boardroom.exe ] || { say "  installed: $(ls "$home")"; return 1; }
    cmp -s "$home/boardroom.exe" "$EXE" || { say "  the installed program is not the build"; return 1; }
    local user_dir=${home%/AppData/Local/Programs/Boardroom}
    [ -f "$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Boardroom.lnk" ] ||
        { say "  no Start menu entry"; return 1; }
    arp_entry || { say "  no entry in Settings > Apps"; return 1; }
    reg_has 'HKCU\Software\Classes\Boardroom.Board\shell\open\command' 'boardroom.exe" "%1"'
    reg_has 'HKCU\Software\Classes\.ron\OpenWithProgids' 'Boardroom.Board'
    say "  installed in ${home#"$WINEPREFIX"/}, with its Start menu entry, Open with and Settings > Apps entries"

    # Started from where it was installed, on the sample.
    display_start
    put "$SAMPLE"
    local secs
    secs=$(cd "$SMOKE_TMP/windows" && WIN_EXE="$home/boardroom.exe" APP_LOG="$SMOKE_OUT/window-installed.log" \
        app_until_drawn "$SMOKE_OUT/window-installed.png" 90 manchester_ict_2021.ron) ||
        { app_stop; display_stop; return 1; }
    figure "cold start of the installed program under Wine (s)" "$secs"
    app_stop
    display_stop

    # Started from its Start menu entry, as a user starts it: the console
    # Windows (and Wine) makes for it must not stay on the screen. (`start
    # /wait` does not wait through a shortcut under Wine: the screen is
    # watched instead of the process.)
    display_start
    # A fresh Wine session on this display (as app_until_drawn starts one).
    wine_stop || true
    "$WINESERVER" -w 2>/dev/null || true
    local t0 drawn="" consoles shot="$SMOKE_OUT/window-shortcut.png"
    t0=$(date +%s.%N)
    "$WINE" start /unix "$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Boardroom.lnk" \
        >"$SMOKE_OUT/window-shortcut.log" 2>&1 || true
    for _ in $(seq 180); do
        sleep 0.5
        import -window root "$shot" 2>/dev/null || continue
        [ "$(screen_colours "$shot")" -ge 64 ] && { drawn=1; break; }
    done
    [ -n "$drawn" ] || { say "  started from the Start menu entry: nothing drawn in 90 s"; app_stop; display_stop; return 1; }
    figure "cold start from the Start menu entry under Wine (s)" \
        "$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
    # Half a second for a console window to go, as the window's first frame settles.
    sleep 0.5
    consoles=$(xdotool search --onlyvisible --class conhost 2>/dev/null | wc -l || true)
    app_stop
    display_stop
    say "  started from its Start menu entry: drawn; console windows shown: $consoles"
    [ "$consoles" = 0 ] || { say "  a console window stays beside the app"; return 1; }

    "$WINE" msiexec /qn /x "$msi"
    if [ -e "$home" ] || [ -e "$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Boardroom.lnk" ]; then
        say "  files left after uninstalling"
        return 1
    fi
    if arp_entry || reg_has 'HKCU\Software\Classes\Boardroom.Board' || reg_has 'HKCU\Software\Boardroom'; then
        say "  registry entries left after uninstalling"
        return 1
    fi
    say "  uninstalled: no files, no registry entries left"
}
register msi_install_start_uninstall "the MSI: installed per user, started, uninstalled"
