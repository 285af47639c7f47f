# The app's window under Wine in a virtual screen with no GPU: started on
# the sample with each renderer, it draws (a screenshot with many colours,
# not a blank screen) and says which renderer drew; and when the renderer
# asked for cannot start, it falls back to the other. Sourced by
# scripts/windows-smoke (see its header).

# window_with NAME RENDERER EXPECTED [VAR=VALUE…]: starts the app on the
# sample with --renderer RENDERER (and the environment given), waits until it
# has drawn, keeps the screenshot and the log as $SMOKE_OUT/window-NAME.*,
# and checks the log says EXPECTED (glow or wgpu) drew: a fallback is seen,
# never taken for the renderer asked for.
window_with() {
    local name=$1 renderer=$2 expected=$3 secs shot="$SMOKE_OUT/window-$1.png"
    shift 3
    export APP_LOG="$SMOKE_OUT/window-$name.log"
    display_start
    put "$SAMPLE"
    cd "$SMOKE_TMP/windows"
    # info: the app logs the renderer it drew with.
    secs=$(if [ $# -gt 0 ]; then export "$@"; fi; export RUST_LOG=boardroom=info
        app_until_drawn "$shot" 90 --renderer "$renderer" manchester_ict_2021.ron) ||
        { app_stop; display_stop; return 1; }
    figure "cold start to a drawn window under Wine, $name (s)" "$secs"
    figure "screenshot $name: colours, spread" "$(screen_colours "$shot"), $(screen_spread "$shot")"
    app_stop
    display_stop
    local drew
    drew=$(grep -o 'the window draws with .*' "$APP_LOG" | head -1 || true)
    say "  $drew"
    case $drew in
        *"draws with OpenGL"*) [ "$expected" = glow ] ;;
        *"draws with wgpu"*) [ "$expected" = wgpu ] ;;
        *) say "  the app did not say which renderer drew"; return 1 ;;
    esac
}

check_window_glow() { window_with glow glow glow; }
register window_glow "drawn with OpenGL (Wine's opengl32 on Mesa's llvmpipe)"

# Wine's DirectX 12 (vkd3d) does not run on Mesa's lavapipe, and wgpu would
# pick it first: the test asks wgpu for Vulkan (winevulkan on lavapipe).
# On Windows with no GPU, wgpu takes DirectX 12's software adapter (WARP).
check_window_wgpu() { window_with wgpu wgpu wgpu WGPU_BACKEND=vulkan; }
register window_wgpu "drawn with wgpu (Vulkan on lavapipe: no GPU)"

# wgpu limited to Metal, which Windows has not: it cannot start, and the
# app must say so and draw with OpenGL instead of exiting.
check_window_fallback() {
    window_with fallback wgpu glow WGPU_BACKEND=metal
    grep -q 'the wgpu renderer could not start' "$APP_LOG"
    say "  $(grep -o 'the wgpu renderer could not start.*' "$APP_LOG" | head -1)"
}
register window_fallback "wgpu cannot start: the window falls back to OpenGL"
