//! What went wrong talking to the server, and what to do next (the retry rules).

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerProblem {
    Unreachable,
    /// CORS
    Blocked,
    NotCouchDb,
    NoDatabase,
    WrongPassword,
    SessionEnded,
    NoRight,
    Server {
        status: u16,
        reason: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Login,
    OpenDatabase,
    Upload,
    Download,
}

/// Docs per `_bulk_docs`.
pub const UPLOAD_BATCH: usize = 500;
/// Changes per page.
pub const DOWNLOAD_BATCH: usize = 1000;

/// `None` for 2xx.
pub fn classify(status: u16, body: &str, during: Step) -> Option<ServerProblem> {
    let _ = (status, body, during);
    todo!()
}

/// `None`: stop and tell (wrong password, no right, not CouchDB); `Some(backoff)` for
/// unreachable/5xx: 2s, 5s, 15s, 30s, 60s then 60s.
pub fn retry_delay_ms(problem: &ServerProblem, attempt: u32) -> Option<u32> {
    let _ = (problem, attempt);
    todo!()
}

/// Whether a 200 answer to `GET <db>` is CouchDB's database info (it names `db_name`).
pub fn is_couch_database(body: &str) -> bool {
    let _ = body;
    todo!()
}
