//! The sync server's addresses: the database URL as typed, and the server's root where
//! CouchDB keeps `_session` (the database URL without its last path segment, so a server
//! behind a reverse proxy under a path works too).

/// The database URL from what the officer typed: http or https, the database named by the
/// last path segment, no trailing `/`, query or fragment. `Err` is the Vietnamese message.
pub fn database_address(typed: &str) -> Result<String, &'static str> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err("Hãy nhập địa chỉ cơ sở dữ liệu, ví dụ https://dongbo.ldld.hanoi.vn/thidua.");
    }
    let url = web_sys::Url::new(typed).map_err(|_| {
        "Địa chỉ cơ sở dữ liệu không hợp lệ: hãy nhập đủ dạng https://máy-chủ/tên-cơ-sở-dữ-liệu."
    })?;
    if !matches!(url.protocol().as_str(), "http:" | "https:") {
        return Err("Địa chỉ cơ sở dữ liệu phải bắt đầu bằng https:// (hoặc http:// trong mạng nội bộ).");
    }
    let path = url.pathname();
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        return Err("Địa chỉ thiếu tên cơ sở dữ liệu ở cuối, ví dụ https://dongbo.ldld.hanoi.vn/thidua.");
    }
    Ok(format!("{}{path}", url.origin()))
}

/// Where the server keeps `_session`: `https://host/couch/thidua` → `https://host/couch/`.
pub fn server_root(database_url: &str) -> &str {
    match database_url.rfind('/') {
        Some(end) => &database_url[..=end],
        None => database_url,
    }
}

/// The address of one document of the database.
pub fn document(database_url: &str, doc_id: &str) -> String {
    format!(
        "{database_url}/{}",
        String::from(js_sys::encode_uri_component(doc_id))
    )
}
