//! `boardroom delay add`: a delay recorded from the command line, through the
//! same rules as the app's form; bad input changes nothing.

mod common;

use std::path::Path;

fn add(path: &Path, extra: &[&str]) -> std::process::Output {
    let file = path.display().to_string();
    let mut args = vec!["delay", "add", file.as_str()];
    args.extend_from_slice(extra);
    common::boardroom(&args)
}

#[test]
fn a_delay_is_added_with_dates_as_users_write_them_and_its_id_printed() {
    let (_dir, path) = common::fixture();
    let out = add(
        &path,
        &[
            "--programme",
            "p1",
            "--task",
            "t2",
            "--cause",
            "supplier",
            "--start",
            "Feb 2021",
            "--end",
            "15/03/2021",
            "--description",
            "Parts late",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let board = boardroom::store::load_board(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board;
    let delay = board.programmes[0]
        .delays
        .iter()
        .find(|d| d.id.as_str() == id)
        .unwrap_or_else(|| panic!("no delay {id}"));
    assert_eq!(delay.cause, boardroom::model::DelayCause::Supplier);
    assert_eq!(delay.task.as_ref().map(|t| t.as_str()), Some("t2"));
    assert_eq!(delay.start.display_uk(), "Feb 2021");
    assert_eq!(delay.end.display_uk(), "15 Mar 2021");
    assert_eq!(delay.description, "Parts late");
}

#[test]
fn bad_input_says_why_and_leaves_the_file_as_it_was() {
    let (_dir, path) = common::fixture();
    let before = std::fs::read(&path).unwrap_or_default();
    for (extra, says) in [
        (
            vec![
                "--programme",
                "nope",
                "--cause",
                "other",
                "--start",
                "Feb 2021",
                "--end",
                "Mar 2021",
            ],
            "--programme",
        ),
        (
            vec![
                "--programme",
                "p1",
                "--task",
                "nope",
                "--cause",
                "other",
                "--start",
                "Feb 2021",
                "--end",
                "Mar 2021",
            ],
            "--task",
        ),
        (
            vec![
                "--programme",
                "p1",
                "--cause",
                "other",
                "--start",
                "31 Feb 2021",
                "--end",
                "Mar 2021",
            ],
            "--start",
        ),
        (
            vec![
                "--programme",
                "p1",
                "--cause",
                "other",
                "--start",
                "Mar 2021",
                "--end",
                "Feb 2021",
            ],
            "--end",
        ),
        (
            vec![
                "--programme",
                "p1",
                "--cause",
                "weather",
                "--start",
                "Feb 2021",
                "--end",
                "Mar 2021",
            ],
            "weather",
        ),
    ] {
        let out = add(&path, &extra);
        assert!(!out.status.success(), "{extra:?} was accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{extra:?}: {err}");
        assert_eq!(
            std::fs::read(&path).unwrap_or_default(),
            before,
            "{extra:?} changed the file"
        );
    }
}
