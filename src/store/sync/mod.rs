//! Live sync through a CouchDB server, the browser's part: requests (`http`), the session
//! (`session`), what this browser knows of the server (`books`), one syncing tab (`lock`),
//! and the engine that uploads, downloads and long-polls (`engine`). The rules (documents,
//! answers, retries, the merge, the words) are the pure `domain::sync`'s.
//!
//! Settings kept: the database URL, the user name and whether sync is on; never the password
//! (CouchDB's session cookie carries the login). On start, a tab with sync on runs the engine:
//! a cookie that ended gives "session ended" and the app works on offline meanwhile.

pub mod address;
mod books;
mod engine;
mod http;
mod lock;
mod session;
mod wake;

use super::{settings, Store};
use crate::domain::sync::problems::ServerProblem;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::cell::Cell;

const URL_SETTING: &str = "sync-url";
const NAME_SETTING: &str = "sync-name";
/// Set while sync is on (connected and not disconnected); the URL and name stay for next time.
const ON_SETTING: &str = "sync-on";

/// Where sync stands, for the status line.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Not connected.
    Off,
    Connecting,
    /// Another tab of the app syncs; this one follows its saves.
    OtherTab,
    Uploading {
        done: usize,
        total: usize,
    },
    Downloading {
        done: usize,
        total: usize,
    },
    /// Caught up with the server at that moment (and listening for its changes).
    Synced {
        at: DateTime<Utc>,
    },
    /// No network: local changes wait.
    Offline {
        waiting: usize,
    },
    /// This browser's storage for the sync bookkeeping could not be opened.
    NoStorage,
}

/// The sync's state, shared by context. `Copy`, so closures capture it freely.
#[derive(Clone, Copy)]
pub struct Sync {
    pub status: RwSignal<Status>,
    /// The last failure talking to the server, until a round succeeds.
    pub problem: RwSignal<Option<ServerProblem>>,
    /// Local versions the server refused: (document id, the server's reason).
    pub refused: RwSignal<Vec<(String, String)>>,
    /// Server documents not taken in: (document id, why).
    pub skipped: RwSignal<Vec<(String, String)>>,
    /// Whether sync is on (connected, until "Ngắt kết nối").
    pub on: RwSignal<bool>,
    store: Store,
}

thread_local! {
    /// Whether this tab runs (or waits in the lock's queue to run) the engine.
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

/// The database URL and user name last connected (kept after disconnecting, to fill the form).
pub fn saved_address() -> (String, String) {
    (
        settings::get(URL_SETTING).unwrap_or_default(),
        settings::get(NAME_SETTING).unwrap_or_default(),
    )
}

/// The URL sync runs against, while it is on.
fn running_url() -> Option<String> {
    settings::get(ON_SETTING).and_then(|_| settings::get(URL_SETTING))
}

/// Why connecting did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum ConnectError {
    /// The address typed is not a database URL (the Vietnamese message).
    Address(&'static str),
    /// The server's answer (also in [`Sync::problem`]).
    Server(ServerProblem),
}

impl Sync {
    /// Starts following: the network, local saves (they go up soon after), and, if sync is on,
    /// the engine.
    pub fn start(store: Store) -> Sync {
        let sync = Sync {
            status: RwSignal::new(Status::Off),
            problem: RwSignal::new(None),
            refused: RwSignal::new(Vec::new()),
            skipped: RwSignal::new(Vec::new()),
            on: RwSignal::new(running_url().is_some()),
            store,
        };
        wake::on_network_and_saves(store);
        sync.follow_other_tabs();
        if sync.on.get_untracked() {
            sync.run();
        }
        sync
    }

    /// Another tab connected or disconnected: this one follows (the syncing tab stops or goes
    /// on with the new session; a tab that did not sync queues for the lock).
    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
            if ev.key().is_none_or(|k| k == settings::SETTINGS_KEY) {
                let on = running_url().is_some();
                if self.on.get_untracked() != on {
                    self.on.set(on);
                }
                if on {
                    self.run();
                }
                wake::wake();
            }
        });
        // The listener lives as long as the app.
        std::mem::forget(handle);
    }

    /// Checks the database, logs in and turns sync on. The password goes to the server only.
    pub async fn connect(self, typed_url: &str, name: &str, password: &str) -> Result<(), ConnectError> {
        let url = address::database_address(typed_url).map_err(ConnectError::Address)?;
        let before = self.status.get_untracked();
        self.status.set(Status::Connecting);
        match session::connect(&url, name.trim(), password).await {
            Ok(()) => {
                let _ = settings::set(URL_SETTING, &url);
                let _ = settings::set(NAME_SETTING, name.trim());
                let _ = settings::set(ON_SETTING, "1");
                self.problem.set(None);
                self.on.set(true);
                self.run();
                wake::wake();
                Ok(())
            }
            Err(problem) => {
                self.status.set(before);
                self.problem.set(Some(problem.clone()));
                Err(ConnectError::Server(problem))
            }
        }
    }

    /// Ends the session and stops syncing; the data and what is known of the server stay (a
    /// later connection to the same database goes on from there).
    pub async fn disconnect(self) {
        let url = running_url();
        let _ = settings::set(ON_SETTING, "");
        self.on.set(false);
        self.problem.set(None);
        self.status.set(Status::Off);
        wake::wake();
        if let Some(url) = url {
            session::logout(&url).await;
        }
    }

    /// "Đồng bộ ngay": a round now, whatever the retry delay says.
    pub fn sync_now(self) {
        if self.on.get_untracked() {
            self.run();
            wake::wake();
        }
    }

    /// Runs the engine in this tab once it holds the lock, unless it already runs or waits.
    fn run(self) {
        if RUNNING.with(|r| r.replace(true)) {
            return;
        }
        self.status.set(Status::Connecting);
        leptos::task::spawn_local(async move {
            let _held = lock::take(&|| self.status.set(Status::OtherTab)).await;
            while let Some(url) = running_url() {
                engine::run(self, url).await;
            }
            RUNNING.with(|r| r.set(false));
            self.status.set(Status::Off);
        });
    }
}
