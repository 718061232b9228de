//! What went wrong talking to the server, and what to do next (the retry rules). A request
//! that never got an answer (the browser's fetch rejected) is the app's to tell apart: the
//! network ([`ServerProblem::Unreachable`]) or the browser's CORS check
//! ([`ServerProblem::Blocked`]).

use serde_json::Value;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerProblem {
    /// No answer: no network, a wrong host, the server down.
    Unreachable,
    /// The browser refused to read the answer (CORS not set up for this app's origin).
    Blocked,
    /// Something answered, but not as CouchDB does (a web page, another service).
    NotCouchDb,
    /// The server has no database at that address.
    NoDatabase,
    WrongPassword,
    /// The session cookie is no longer accepted: the password is asked again.
    SessionEnded,
    /// The account is not a member of the database (or may not write).
    NoRight,
    /// A 401 right after a successful login: the browser did not keep or send the session
    /// cookie (a `file://` page, or third-party cookies blocked). Waiting cannot help.
    CookieRefused,
    /// Any other error status, with CouchDB's reason when it gave one.
    Server {
        status: u16,
        reason: String,
    },
}

/// What the request that failed was doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// `POST <server>/_session`.
    Login,
    /// `GET <db>`: does the database exist, may we read it.
    OpenDatabase,
    /// `POST <db>/_bulk_docs`.
    Upload,
    /// `GET <db>/_changes`, or a document's revisions.
    Download,
}

/// Docs per `_bulk_docs`: a few hundred KB of JSON, well under CouchDB's request limits.
pub const UPLOAD_BATCH: usize = 500;
/// Changes per page: a fresh office's city takes 29 pages, each absorbed and stored before
/// the checkpoint moves. Storing a page rewrites most of the stored groups (a page's records
/// fall in most of them), so fewer, larger pages download a city several times faster; the
/// app merges a page in slices so the page keeps drawing.
pub const DOWNLOAD_BATCH: usize = 2500;

/// Whether a `200` answer to `GET <db>` is CouchDB's database information (it names `db_name`);
/// a web server answering the address with a page is not a database.
pub fn is_couch_database(body: &str) -> bool {
    serde_json::from_str::<Value>(body)
        .ok()
        .is_some_and(|v| v.get("db_name").is_some_and(Value::is_string))
}

/// Whether a `200` answer to `POST /_session` is CouchDB's (`{"ok": true, "name": …}`).
fn is_couch_session(body: &str) -> bool {
    serde_json::from_str::<Value>(body)
        .ok()
        .is_some_and(|v| v.get("ok").and_then(Value::as_bool) == Some(true))
}

/// CouchDB's JSON error (`{"error": …, "reason": …}`), or `None` when the body is not one.
fn couch_error(body: &str) -> Option<(String, String)> {
    let v: Value = serde_json::from_str(body).ok()?;
    let error = v.get("error")?.as_str()?.to_string();
    let reason = v
        .get("reason")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    Some((error, reason))
}

/// What an answer's status and body mean at `during`; `None` when all is well.
pub fn classify(status: u16, body: &str, during: Step) -> Option<ServerProblem> {
    let reason = || couch_error(body).map(|(error, reason)| if reason.is_empty() { error } else { reason });
    match (status, during) {
        (200..=299, Step::Login) => (!is_couch_session(body)).then_some(ServerProblem::NotCouchDb),
        (200..=299, Step::OpenDatabase) => (!is_couch_database(body)).then_some(ServerProblem::NotCouchDb),
        (200..=299, _) => None,
        (401, Step::Login) => Some(ServerProblem::WrongPassword),
        (401, _) => Some(ServerProblem::SessionEnded),
        (403, _) => Some(ServerProblem::NoRight),
        // A 404 from CouchDB says which database is missing in JSON; any other 404 is a web
        // server that knows nothing of `_session` or the database.
        (404, Step::Login) => Some(ServerProblem::NotCouchDb),
        (404, _) if couch_error(body).is_some() => Some(ServerProblem::NoDatabase),
        (404, _) => Some(ServerProblem::NotCouchDb),
        (500..=599, _) => Some(ServerProblem::Server {
            status,
            reason: reason().unwrap_or_default(),
        }),
        // Another status in CouchDB's words is CouchDB's error; without them it is not CouchDB.
        _ => Some(match reason() {
            Some(reason) => ServerProblem::Server { status, reason },
            None if matches!(during, Step::Login | Step::OpenDatabase) => ServerProblem::NotCouchDb,
            None => ServerProblem::Server {
                status,
                reason: String::new(),
            },
        }),
    }
}

/// Why the database still refuses right after a successful login, from `GET <server>/_session`'s
/// answer (`None`: it gave none): when CouchDB sees no user there (`userCtx.name` is `null`),
/// the browser did not send the session cookie it was just given; otherwise the account has no
/// right to the database (CouchDB says 403, PouchDB Server 401).
pub fn refused_after_login(session_answer: Option<&str>) -> ServerProblem {
    let user = session_answer
        .and_then(|body| serde_json::from_str::<Value>(body).ok())
        .and_then(|v| v.pointer("/userCtx/name").map(Value::is_string));
    match user {
        Some(false) => ServerProblem::CookieRefused,
        // A named user, or an answer that says nothing of one: the account's rights.
        Some(true) | None => ServerProblem::NoRight,
    }
}

/// The waits before trying again, in milliseconds: the last one repeats.
const BACKOFF_MS: [u32; 5] = [2_000, 5_000, 15_000, 30_000, 60_000];

/// How long to wait before trying again after `problem`, `attempt` being how many tries in a row
/// failed before this one (0 for the first failure): 2 s, 5 s, 15 s, 30 s, then every 60 s.
/// `None`: trying again cannot help (wrong password, ended session, no right, not CouchDB, no
/// database, a request the server refuses): stop and tell the officer.
/// The browser's CORS refusal is retried too: a network blip can look the same, and once
/// the administrator sets CORS up, sync resumes by itself.
pub fn retry_delay_ms(problem: &ServerProblem, attempt: u32) -> Option<u32> {
    let retried = match problem {
        ServerProblem::Unreachable | ServerProblem::Blocked => true,
        ServerProblem::Server { status, .. } => *status >= 500,
        ServerProblem::NotCouchDb
        | ServerProblem::NoDatabase
        | ServerProblem::WrongPassword
        | ServerProblem::SessionEnded
        | ServerProblem::NoRight
        | ServerProblem::CookieRefused => false,
    };
    let last = BACKOFF_MS.len() - 1;
    retried.then(|| BACKOFF_MS[(attempt as usize).min(last)])
}

#[cfg(test)]
mod tests {
    use super::*;

    const DB_INFO: &str = r#"{"db_name":"thidua","doc_count":70853,"update_seq":"7-g1A"}"#;
    const COUCH_404: &str = r#"{"error":"not_found","reason":"Database does not exist."}"#;
    const PAGE: &str = "<!doctype html><html><body>Welcome to nginx!</body></html>";

    #[test]
    fn logging_in() {
        assert_eq!(
            classify(
                200,
                r#"{"ok":true,"name":"bavi","roles":["thidua"]}"#,
                Step::Login
            ),
            None
        );
        assert_eq!(
            classify(
                401,
                r#"{"error":"unauthorized","reason":"Name or password is incorrect."}"#,
                Step::Login
            ),
            Some(ServerProblem::WrongPassword)
        );
        assert_eq!(classify(200, PAGE, Step::Login), Some(ServerProblem::NotCouchDb));
        assert_eq!(classify(404, PAGE, Step::Login), Some(ServerProblem::NotCouchDb));
        assert_eq!(classify(405, PAGE, Step::Login), Some(ServerProblem::NotCouchDb));
    }

    #[test]
    fn opening_the_database() {
        assert_eq!(classify(200, DB_INFO, Step::OpenDatabase), None);
        assert_eq!(
            classify(200, PAGE, Step::OpenDatabase),
            Some(ServerProblem::NotCouchDb)
        );
        assert_eq!(
            classify(
                200,
                r#"{"couchdb":"Welcome","version":"3.3.3"}"#,
                Step::OpenDatabase
            ),
            Some(ServerProblem::NotCouchDb),
            "the server's root is not a database"
        );
        assert_eq!(
            classify(404, COUCH_404, Step::OpenDatabase),
            Some(ServerProblem::NoDatabase)
        );
        assert_eq!(
            classify(404, PAGE, Step::OpenDatabase),
            Some(ServerProblem::NotCouchDb)
        );
        assert_eq!(
            classify(
                403,
                r#"{"error":"forbidden","reason":"You are not allowed to access this db."}"#,
                Step::OpenDatabase
            ),
            Some(ServerProblem::NoRight)
        );
        assert_eq!(
            classify(401, "{}", Step::OpenDatabase),
            Some(ServerProblem::SessionEnded)
        );
    }

    #[test]
    fn uploading_and_downloading() {
        for step in [Step::Upload, Step::Download] {
            assert_eq!(classify(201, "[]", step), None);
            assert_eq!(classify(401, "", step), Some(ServerProblem::SessionEnded));
            assert_eq!(classify(403, "", step), Some(ServerProblem::NoRight));
            assert_eq!(classify(404, COUCH_404, step), Some(ServerProblem::NoDatabase));
            assert_eq!(
                classify(
                    503,
                    r#"{"error":"unavailable","reason":"Service unavailable"}"#,
                    step
                ),
                Some(ServerProblem::Server {
                    status: 503,
                    reason: "Service unavailable".into()
                })
            );
            assert_eq!(
                classify(502, PAGE, step),
                Some(ServerProblem::Server {
                    status: 502,
                    reason: String::new()
                })
            );
            assert_eq!(
                classify(413, r#"{"error":"too_large","reason":""}"#, step),
                Some(ServerProblem::Server {
                    status: 413,
                    reason: "too_large".into()
                })
            );
        }
    }

    #[test]
    fn a_refusal_right_after_login_tells_a_lost_cookie_from_a_missing_right() {
        let anonymous = r#"{"ok":true,"userCtx":{"name":null,"roles":[]},"info":{}}"#;
        let named = r#"{"ok":true,"userCtx":{"name":"bavi","roles":["thidua"]}}"#;
        assert_eq!(refused_after_login(Some(anonymous)), ServerProblem::CookieRefused);
        assert_eq!(refused_after_login(Some(named)), ServerProblem::NoRight);
        assert_eq!(refused_after_login(Some("<html></html>")), ServerProblem::NoRight);
        assert_eq!(refused_after_login(None), ServerProblem::NoRight);
        assert_eq!(retry_delay_ms(&ServerProblem::CookieRefused, 0), None);
    }

    #[test]
    fn a_database_answer_names_its_database() {
        assert!(is_couch_database(DB_INFO));
        assert!(!is_couch_database(PAGE));
        assert!(!is_couch_database(r#"{"db_name": 3}"#));
        assert!(!is_couch_database(""));
    }

    #[test]
    fn retries_back_off_to_a_minute_and_stop_where_waiting_cannot_help() {
        let waits: Vec<Option<u32>> = (0..8)
            .map(|n| retry_delay_ms(&ServerProblem::Unreachable, n))
            .collect();
        assert_eq!(
            waits,
            [2_000, 5_000, 15_000, 30_000, 60_000, 60_000, 60_000, 60_000].map(Some)
        );
        assert_eq!(
            retry_delay_ms(&ServerProblem::Unreachable, u32::MAX),
            Some(60_000)
        );
        let server = ServerProblem::Server {
            status: 500,
            reason: String::new(),
        };
        assert_eq!(retry_delay_ms(&server, 2), Some(15_000));
        assert_eq!(retry_delay_ms(&ServerProblem::Blocked, 0), Some(2_000));
        for stop in [
            ServerProblem::WrongPassword,
            ServerProblem::SessionEnded,
            ServerProblem::NoRight,
            ServerProblem::NotCouchDb,
            ServerProblem::NoDatabase,
            ServerProblem::Server {
                status: 400,
                reason: "bad_request".into(),
            },
        ] {
            assert_eq!(retry_delay_ms(&stop, 0), None, "{stop:?}");
        }
    }
}
