//! The Word package written from docx-rs's parts: each part put in the schema's order
//! ([`super::schema_order`]), the document's properties filled in (docx-rs 0.4 writes the
//! author "unknown" and the year 1970 and has no setter for either), and the theme part Word
//! expects (docx-rs writes none).

use super::schema_order::mend;
use docx_rs::XMLDocx;
use std::io::Write;
use zip::write::SimpleFileOptions;
use zip::ZipWriter;

/// What a Word file says about itself (File → Properties).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Properties {
    pub title: String,
    /// The office that made it.
    pub author: String,
    /// When it was made, as W3CDTF (`2026-12-07T04:30:00Z`); created and modified alike.
    pub made_at: Option<String>,
}

const THEME: &str = include_str!("theme1.xml");
const THEME_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";

/// The package's bytes.
pub fn pack(parts: XMLDocx, properties: &Properties) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let put = |zip: &mut ZipWriter<_>, name: &str, bytes: &[u8]| -> zip::result::ZipResult<()> {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
        Ok(())
    };
    let content_types = with_before(
        &parts.content_type,
        "</Types>",
        r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml" />"#,
    );
    let document_rels = with_before(
        &parts.document_rels,
        "</Relationships>",
        &format!(r#"<Relationship Id="rIdTheme1" Type="{THEME_TYPE}" Target="theme/theme1.xml" />"#),
    );
    put(&mut zip, "[Content_Types].xml", &content_types)?;
    put(&mut zip, "_rels/.rels", &parts.rels)?;
    put(&mut zip, "docProps/app.xml", app().as_bytes())?;
    put(&mut zip, "docProps/core.xml", core(properties).as_bytes())?;
    put(&mut zip, "docProps/custom.xml", &parts.doc_props.custom)?;
    put(&mut zip, "word/_rels/document.xml.rels", &document_rels)?;
    for (name, part) in [
        ("word/document.xml", &parts.document),
        ("word/styles.xml", &parts.styles),
        ("word/settings.xml", &parts.settings),
        ("word/fontTable.xml", &parts.font_table),
        ("word/comments.xml", &parts.comments),
        ("word/numbering.xml", &parts.numberings),
        ("word/commentsExtended.xml", &parts.comments_extended),
        ("word/footnotes.xml", &parts.footnotes),
    ] {
        put(&mut zip, name, &mend(part))?;
    }
    put(&mut zip, "word/theme/theme1.xml", THEME.as_bytes())?;
    for (kind, bodies, rels) in [
        ("header", &parts.headers, &parts.header_rels),
        ("footer", &parts.footers, &parts.footer_rels),
    ] {
        for (i, body) in bodies.iter().enumerate() {
            put(&mut zip, &format!("word/{kind}{}.xml", i + 1), &mend(body))?;
            if let Some(rels) = rels.get(i) {
                put(&mut zip, &format!("word/_rels/{kind}{}.xml.rels", i + 1), rels)?;
            }
        }
    }
    // The app's documents carry no pictures, task panes or custom XML, the rest of what
    // docx-rs can write.
    debug_assert!(parts.media.is_empty() && parts.taskpanes.is_none() && parts.custom_items.is_empty());
    Ok(zip.finish()?.into_inner())
}

/// `xml` with `insert` put before its last `closing` tag.
fn with_before(xml: &[u8], closing: &str, insert: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    match text.rfind(closing) {
        Some(at) => format!("{}{insert}{}", &text[..at], &text[at..]).into_bytes(),
        None => xml.to_vec(),
    }
}

fn app() -> String {
    concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
        r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
        "<Application>Thi đua</Application></Properties>"
    )
    .to_string()
}

/// docProps/core.xml: title, author (and last modified by), created and modified.
pub fn core(p: &Properties) -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
        r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
        r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
    ));
    if !p.title.trim().is_empty() {
        xml += &format!("<dc:title>{}</dc:title>", escape(p.title.trim()));
    }
    if !p.author.trim().is_empty() {
        let author = escape(p.author.trim());
        xml += &format!("<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>");
    }
    if let Some(at) = &p.made_at {
        let at = escape(at);
        xml += &format!(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{at}</dcterms:modified>"#
        );
    }
    xml + "</cp:coreProperties>"
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
