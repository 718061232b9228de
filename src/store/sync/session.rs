//! Connecting: the database must answer as a CouchDB database, then CouchDB's cookie session
//! (`POST _session`). The password goes to the server only; nothing here keeps it.

use super::address;
use super::http::{send, Answer, NoAnswer};
use crate::domain::sync::problems::{classify, is_couch_database, refused_after_login, ServerProblem, Step};

pub fn no_answer(no: NoAnswer) -> ServerProblem {
    match no {
        NoAnswer::Blocked => ServerProblem::Blocked,
        // An aborted request is never a connection's: treated as no answer.
        NoAnswer::Unreachable | NoAnswer::Aborted => ServerProblem::Unreachable,
    }
}

/// `GET <db>`: `Ok(true)` when it answered as a CouchDB database, `Ok(false)` when it wants a
/// login first (401/403 before the session exists).
async fn open_database(database_url: &str) -> Result<bool, ServerProblem> {
    let answer = send("GET", database_url, None, None).await.map_err(no_answer)?;
    match answer.status {
        200..=299 if is_couch_database(&answer.text) => Ok(true),
        200..=299 => Err(ServerProblem::NotCouchDb),
        401 | 403 => Ok(false),
        status => {
            Err(classify(status, &answer.text, Step::OpenDatabase).unwrap_or(ServerProblem::NotCouchDb))
        }
    }
}

/// Logs in at the server of `database_url`; the cookie it sets goes with every later request.
pub async fn login(database_url: &str, name: &str, password: &str) -> Result<(), ServerProblem> {
    let body = serde_json::json!({ "name": name, "password": password }).to_string();
    let url = format!("{}_session", address::server_root(database_url));
    let Answer { status, text } = send("POST", &url, Some(&body), None).await.map_err(no_answer)?;
    match classify(status, &text, Step::Login) {
        None => Ok(()),
        Some(problem) => Err(problem),
    }
}

/// Checks the database, logs in, and checks that this user may read the database.
pub async fn connect(database_url: &str, name: &str, password: &str) -> Result<(), ServerProblem> {
    let opened = open_database(database_url).await?;
    login(database_url, name, password).await?;
    if opened {
        return Ok(());
    }
    match open_database(database_url).await {
        Ok(true) => Ok(()),
        // Logged in, yet refused: either the account has no right to the database (CouchDB
        // 403, PouchDB Server 401), or the browser did not send the new session cookie (a
        // file:// page, third-party cookies blocked), which `_session` tells.
        Ok(false) => Err(refused_after_login(session_answer(database_url).await.as_deref())),
        Err(problem) => Err(problem),
    }
}

/// `GET <server>/_session`'s text (who the server sees in this browser), if it answered.
async fn session_answer(database_url: &str) -> Option<String> {
    let url = format!("{}_session", address::server_root(database_url));
    send("GET", &url, None, None).await.ok().map(|answer| answer.text)
}

/// Ends the session on the server (the cookie is dropped); an unreachable server changes nothing.
pub async fn logout(database_url: &str) {
    let url = format!("{}_session", address::server_root(database_url));
    let _ = send("DELETE", &url, None, None).await;
}
