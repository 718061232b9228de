//! A [`Document`] drawn as an official paper: the two header blocks side by side, title,
//! summary, body, then recipients and signatures. Print CSS (`style/main.css`, `.paper`) gives
//! A4, the margins, Times New Roman and page numbers from page 2.

use crate::domain::reports::document::{MOTTO, RECIPIENTS_TITLE, REPUBLIC};
use crate::domain::reports::{Block, Cell, Document, Signature, Table};
use leptos::prelude::*;

#[component]
pub fn DocumentView(doc: Document) -> impl IntoView {
    let Document {
        parent_body,
        issuing_body,
        number,
        place_date,
        title,
        summary,
        draft,
        body,
        recipients,
        signatures,
        // The spreadsheet's own tables and the file's properties are not printed.
        ..
    } = doc;
    let two_sides = signatures.len() > 1;
    let name = format!("{title} – {summary}");
    view! {
        <article class="paper" aria-label=name>
            <header class="doc-head">
                <div class="doc-issuer">
                    <p class="doc-parent">{parent_body}</p>
                    <p class="doc-body-name">{issuing_body}</p>
                    <p class="doc-number">{number}</p>
                </div>
                <div class="doc-nation">
                    <p class="doc-republic">{REPUBLIC}</p>
                    <p class="doc-motto">{MOTTO}</p>
                    <p class="doc-date">{place_date}</p>
                </div>
            </header>
            {draft.map(|d| view! { <p class="doc-draft" role="note">{d}</p> })}
            <h1 class="doc-title">{title}</h1>
            <p class="doc-summary">{unbroken(summary)}</p>
            <div class="doc-content">
                {body.into_iter().map(block).collect_view()}
            </div>
            <footer class="doc-end" class:two-sides=two_sides>
                {(!recipients.is_empty()).then(|| view! {
                    <div class="doc-recipients">
                        <p class="doc-recipients-title">{RECIPIENTS_TITLE}</p>
                        {recipients.into_iter().map(|r| view! { <p>{r}</p> }).collect_view()}
                    </div>
                })}
                <div class="doc-signatures">
                    {signatures.into_iter().map(signature).collect_view()}
                </div>
            </footer>
        </article>
    }
}

fn block(b: Block) -> AnyView {
    match b {
        Block::Heading(h) => view! { <h2 class="doc-heading">{unbroken(h)}</h2> }.into_any(),
        Block::Paragraph(p) => view! { <p class="doc-paragraph">{unbroken(p)}</p> }.into_any(),
        Block::Table(t) => table(t),
    }
}

fn table(t: Table) -> AnyView {
    let numeric: Vec<bool> = t.columns.iter().map(|c| c.numeric).collect();
    // On a phone the table keeps its columns and scrolls sideways in its own region, so no
    // word of the paper breaks across lines.
    view! {
        <div class="doc-table-wrap" role="region" tabindex="0" aria-label=format!("{} (cuộn ngang)", t.caption)>
        <table class="doc-table" aria-label=t.caption.clone()>
            <thead>
                <tr>
                    {t.columns.into_iter().map(|c| view! { <th scope="col" class:num=c.numeric>{c.title}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {t.rows.into_iter().map(|row| view! {
                    <tr>
                        {row.into_iter().enumerate().map(|(i, cell)| {
                            let num = numeric.get(i).copied().unwrap_or(false) || matches!(cell, Cell::Number { .. });
                            view! { <td class:num=num>{unbroken(cell.shown().to_string())}</td> }
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
    .into_any()
}

/// The text with each word that holds a hyphen, dash or slash ("01/CTPH-UBND-LĐLĐ",
/// "2016–2020") kept on one line: a browser would break a narrow line after such a mark, and a
/// document number split in two is no longer read as one.
fn unbroken(text: String) -> AnyView {
    const MARKS: [char; 3] = ['-', '–', '/'];
    if !text.contains(MARKS) {
        return text.into_any();
    }
    text.split(' ')
        .enumerate()
        .map(|(i, word)| {
            let space = if i == 0 { "" } else { " " };
            if word.contains(MARKS) && word.chars().count() > 1 {
                view! { {space} <span class="nobr">{word.to_string()}</span> }.into_any()
            } else {
                format!("{space}{word}").into_any()
            }
        })
        .collect_view()
        .into_any()
}

fn signature(s: Signature) -> impl IntoView {
    view! {
        <div class="doc-signature">
            <p class="doc-authority">{s.authority}</p>
            <p class="doc-signer-title">{s.title}</p>
            <p class="doc-sign-space" aria-hidden="true"></p>
            <p class="doc-signer-name">{s.name}</p>
        </div>
    }
}
