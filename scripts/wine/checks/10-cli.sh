# The command line under Wine against the Linux build: the same output for
# the same input. Sourced by scripts/windows-smoke (see its header).

check_cli_check() {
    put "$SAMPLE" "$GENERATED"
    both check-sample check manchester_ict_2021.ron
    same check-sample.out "check on the sample: its output"
    both check-generated check generated.ron
    same check-generated.out "check on the generated board: its output"
    [ "$(cat "$SMOKE_TMP/windows/check-sample.code")" = 0 ]
    # A path as a Windows user gives it: drive letter and backslashes.
    win_boardroom check "$(winpath "$SMOKE_TMP/windows/generated.ron")" >/dev/null
    # A bad file: exit 1, and the same message but for the path.
    printf '(title: "broken",' >"$SMOKE_TMP/broken.ron"
    put "$SMOKE_TMP/broken.ron"
    both check-broken check broken.ron || return 1
    [ "$(cat "$SMOKE_TMP/windows/check-broken.code")" = 1 ]
    same check-broken.err "check on a broken board: its error"
}
register cli_check "check: the sample, a generated board, a Windows path, a broken file"

check_cli_summary() {
    put "$SAMPLE" "$GENERATED"
    both summary-sample summary manchester_ict_2021.ron --json
    same summary-sample.out "summary --json of the sample"
    both summary-generated summary generated.ron --json
    same summary-generated.out "summary --json of the generated board"
    both summary-text summary manchester_ict_2021.ron
    same summary-text.out "summary (text) of the sample"
}
register cli_summary "summary --json: the same bytes"

check_cli_pack() {
    put "$SAMPLE" "$GENERATED"
    both pack-sample pack manchester_ict_2021.ron --out sample.pdf
    same_pdf_text sample.pdf
    both pack-generated pack generated.ron --out generated.pdf --paper a3
    same_pdf_text generated.pdf
    figure "sample pack under Wine (bytes)" "$(stat -c %s "$SMOKE_TMP/windows/sample.pdf")"
}
register cli_pack "pack: PDFs with the same text"

check_cli_raid_add() {
    put "$SAMPLE"
    both raid-add raid add manchester_ict_2021.ron --kind risk --title "Wine smoke: supplier exit" \
        --owner "A. Tester" --likelihood 3 --impact 4 --description "Cause → event → effect, £1,250,000"
    same raid-add.out "raid add: the reference printed"
    # The board Windows saved reads back on Linux, and summarises the same.
    local side
    for side in linux windows; do
        "$LINUX_BIN" check "$SMOKE_TMP/$side/manchester_ict_2021.ron" >/dev/null 2>&1
        "$LINUX_BIN" summary "$SMOKE_TMP/$side/manchester_ict_2021.ron" --json \
            >"$SMOKE_TMP/$side/after-add.json"
    done
    same after-add.json "the saved board's summary, read on Linux"
    # The entry is there, with its title, owner and score, when Linux lists it.
    "$LINUX_BIN" raid list "$SMOKE_TMP/windows/manchester_ict_2021.ron" --kind risk \
        | grep "Wine smoke: supplier exit" >/dev/null
    # Saved with \n line ends, as on Linux: boards diff cleanly across systems.
    if grep -q $'\r' "$SMOKE_TMP/windows/manchester_ict_2021.ron"; then
        say "  the board Windows saved has \\r\\n line ends"
        return 1
    fi
}
register cli_raid_add "raid add: the board Windows saved reads back on Linux"

check_cli_raid_export_import() {
    put "$SAMPLE" "$GENERATED"
    both export-sample raid export manchester_ict_2021.ron --out raid.xlsx
    same_workbook raid.xlsx
    both export-generated raid export generated.ron --out generated.xlsx
    same_workbook generated.xlsx
    both export-csv raid export manchester_ict_2021.ron --out raid.csv
    same raid.csv "raid export as CSV"
    # Linux's workbook, imported by each build into a new board.
    cp "$SMOKE_TMP/linux/generated.xlsx" "$SMOKE_TMP/windows/generated.xlsx"
    both new new imported.ron --title "Imported" --as-at 2021-02-09
    both import raid import imported.ron generated.xlsx
    same import.out "raid import: what it says it imported"
    local side
    for side in linux windows; do
        "$LINUX_BIN" summary "$SMOKE_TMP/$side/imported.ron" --json >"$SMOKE_TMP/$side/imported.json"
    done
    same imported.json "the imported board's summary, read on Linux"
}
register cli_raid_export_import "raid export and import: the same cells, the same entries"

check_cli_diff() {
    put "$SAMPLE" "$GENERATED"
    cp "$SAMPLE" "$SMOKE_TMP/linux/later.ron"
    "$LINUX_BIN" raid add "$SMOKE_TMP/linux/later.ron" --kind issue --title "Data centre power" \
        --owner "B. Chair" >/dev/null
    cp "$SMOKE_TMP/linux/later.ron" "$SMOKE_TMP/windows/later.ron"
    both diff diff manchester_ict_2021.ron later.ron --json
    same diff.out "diff --json"
    both diff-text diff manchester_ict_2021.ron later.ron
    same diff-text.out "diff (text)"
    both diff-generated diff manchester_ict_2021.ron generated.ron --json
    same diff-generated.out "diff --json, sample against generated"
}
register cli_diff "diff: the same changes, text and JSON"

check_cli_merge() {
    # A board and a OneDrive conflict copy, each with an entry the other lacks.
    put "$SAMPLE"
    local side
    for side in linux windows; do
        (
            cd "$SMOKE_TMP/$side"
            cp manchester_ict_2021.ron manchester_ict_2021-LAPTOP-7.ron
            "$LINUX_BIN" raid add manchester_ict_2021.ron --kind risk --title "On the board" --owner "A" >/dev/null
            "$LINUX_BIN" raid add manchester_ict_2021-LAPTOP-7.ron --kind issue --title "In the copy" --owner "B" >/dev/null
        )
    done
    both merge merge manchester_ict_2021.ron manchester_ict_2021-LAPTOP-7.ron --prefer board
    [ "$(cat "$SMOKE_TMP/windows/merge.code")" = 0 ]
    for side in linux windows; do
        "$LINUX_BIN" check "$SMOKE_TMP/$side/manchester_ict_2021.ron" >/dev/null 2>&1
        "$LINUX_BIN" summary "$SMOKE_TMP/$side/manchester_ict_2021.ron" --json >"$SMOKE_TMP/$side/merged.json"
        # The copy is moved aside, never deleted.
        [ ! -e "$SMOKE_TMP/$side/manchester_ict_2021-LAPTOP-7.ron" ]
        ls "$SMOKE_TMP/$side" | grep -q 'merged-'
    done
    same merged.json "the merged board's summary, read on Linux"
    "$LINUX_BIN" raid list "$SMOKE_TMP/windows/manchester_ict_2021.ron" | grep "In the copy" >/dev/null
}
register cli_merge "merge a conflict copy: the same board"
