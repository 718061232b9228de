//! Puts docx-rs's XML in the order the Office Open XML schema requires, so that Word keeps
//! every property and Word on the web opens the file (docx-rs issue #724). docx-rs 0.4 writes
//! some children of property elements out of their schema sequence (`w:jc` after `w:rPr` in
//! `w:pPr`, `w:sz` before `w:b` in `w:rPr`, `w:headerReference` after `w:pgSz` in `w:sectPr`,
//! `w:zoom` after `w:defaultTabStop` in the settings), a `w:type` attribute `w:gridCol` does
//! not have, and an empty `w:rPr` where the schema allows none (paragraph properties of a
//! style or a numbering level).
//!
//! The mend is a pass over each written part: the XML is read into a light tree (names and
//! raw attribute and text slices, nothing unescaped or re-escaped), the children of the
//! elements listed in [`sequence`] are sorted by their place in the schema's sequence (stable:
//! equals keep their order, unknown children go last), and the two known faults are dropped.
//! A pass rather than a patched docx-rs: the writer stays the published crate, and each rule
//! here is a line of the schema (ECMA-376 Part 1, wml.xsd) that a test checks.

/// The schema's order of the children of `parent` (wml.xsd), as far as docx-rs writes them.
pub fn sequence(parent: &str) -> Option<&'static [&'static str]> {
    Some(match parent {
        // CT_PPr: CT_PPrBase, then rPr, sectPr, pPrChange.
        "w:pPr" => &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
        // CT_RPr (EG_RPrBase), and CT_ParaRPr's revision marks first.
        "w:rPr" => &[
            "w:ins",
            "w:del",
            "w:moveFrom",
            "w:moveTo",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
        // CT_SectPr: header and footer references (in any order among themselves) first.
        "w:sectPr" => &[
            "w:headerReference|w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
        // CT_Settings, the part of its sequence docx-rs writes.
        "w:settings" => &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:mirrorMargins",
            "w:evenAndOddHeaders",
            "w:proofState",
            "w:attachedTemplate",
            "w:documentProtection",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:characterSpacingControl",
            "w:updateFields",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:decimalSymbol",
            "w:listSeparator",
        ],
        // CT_Style.
        "w:style" => &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
        // CT_TblPr.
        "w:tblPr" => &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
        // CT_TcPr.
        "w:tcPr" => &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:headers",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
        // CT_PBdr, CT_TblBorders, CT_TcBorders, CT_TblCellMar / CT_TcMar.
        "w:pBdr" => &["w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"],
        "w:tblBorders" | "w:tcBorders" => &[
            "w:top",
            "w:left|w:start",
            "w:bottom",
            "w:right|w:end",
            "w:insideH",
            "w:insideV",
            "w:tl2br",
            "w:tr2bl",
        ],
        "w:tblCellMar" | "w:tcMar" => &["w:top", "w:left|w:start", "w:bottom", "w:right|w:end"],
        _ => return None,
    })
}

/// Attributes docx-rs writes that the schema does not declare on that element.
const UNDECLARED: &[(&str, &str)] = &[("w:gridCol", "w:type")];

/// Elements where the schema has paragraph properties without run properties
/// (CT_PPrGeneral): a `w:rPr` in their `w:pPr` is dropped when empty.
const GENERAL_PARAGRAPH_PROPERTIES: &[&str] = &["w:style", "w:lvl", "w:pPrDefault"];

/// One part's XML in the schema's order; text that is not well-formed comes back unchanged.
pub fn mend(xml: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(xml) else {
        return xml.to_vec();
    };
    let Some(nodes) = parse(text) else {
        return xml.to_vec();
    };
    let mut out = String::with_capacity(text.len());
    let mut parents = Vec::new();
    for node in &nodes {
        write(node, &mut parents, &mut out);
    }
    out.into_bytes()
}

#[derive(Debug)]
enum Node<'a> {
    Element(Element<'a>),
    /// Text, a declaration or a comment, written back as it was.
    Raw(&'a str),
}

#[derive(Debug)]
struct Element<'a> {
    name: &'a str,
    /// Everything between the name and the tag's end, as written (leading space included,
    /// trailing space left out).
    attributes: &'a str,
    children: Vec<Node<'a>>,
}

/// The XML as a list of top-level nodes; `None` when the tags do not match.
fn parse(text: &str) -> Option<Vec<Node<'_>>> {
    // The open elements, innermost last; the top level is the element at 0.
    let mut stack: Vec<Element> = vec![Element {
        name: "",
        attributes: "",
        children: Vec::new(),
    }];
    let mut rest = text;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            stack.last_mut()?.children.push(Node::Raw(rest));
            break;
        };
        if lt > 0 {
            stack.last_mut()?.children.push(Node::Raw(&rest[..lt]));
            rest = &rest[lt..];
        }
        if rest.starts_with("<?") || rest.starts_with("<!") {
            let end = if rest.starts_with("<!--") {
                "-->"
            } else if rest.starts_with("<?") {
                "?>"
            } else {
                ">"
            };
            let close = rest.find(end)? + end.len();
            stack.last_mut()?.children.push(Node::Raw(&rest[..close]));
            rest = &rest[close..];
        } else if let Some(after) = rest.strip_prefix("</") {
            let close = after.find('>')?;
            let element = stack.pop()?;
            if element.name != after[..close].trim() || stack.is_empty() {
                return None;
            }
            stack.last_mut()?.children.push(Node::Element(element));
            rest = &after[close + 1..];
        } else {
            let close = tag_end(rest)?;
            let inner = &rest[1..close];
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(inner) => (inner, true),
                None => (inner, false),
            };
            let name_end = inner.find(|c: char| c.is_whitespace()).unwrap_or(inner.len());
            let element = Element {
                name: &inner[..name_end],
                attributes: inner[name_end..].trim_end(),
                children: Vec::new(),
            };
            if empty {
                stack.last_mut()?.children.push(Node::Element(element));
            } else {
                stack.push(element);
            }
            rest = &rest[close + 1..];
        }
    }
    match stack.pop() {
        Some(top) if stack.is_empty() => Some(top.children),
        _ => None,
    }
}

/// Where a start tag ends (its `>`), past any `>` inside a quoted attribute value.
fn tag_end(tag: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn write<'a>(node: &Node<'a>, parents: &mut Vec<&'a str>, out: &mut String) {
    let element = match node {
        Node::Raw(text) => {
            out.push_str(text);
            return;
        }
        Node::Element(e) => e,
    };
    out.push('<');
    out.push_str(element.name);
    write_attributes(element, out);
    let children = ordered(element, parents);
    if children.is_empty() {
        out.push_str(" />");
        return;
    }
    out.push('>');
    parents.push(element.name);
    for child in children {
        write(child, parents, out);
    }
    parents.pop();
    out.push_str("</");
    out.push_str(element.name);
    out.push('>');
}

fn write_attributes(element: &Element, out: &mut String) {
    let undeclared: Vec<&str> = UNDECLARED
        .iter()
        .filter(|(on, _)| *on == element.name)
        .map(|(_, attribute)| *attribute)
        .collect();
    if undeclared.is_empty() {
        out.push_str(element.attributes);
        return;
    }
    for (name, value) in attributes(element.attributes) {
        if !undeclared.contains(&name) {
            out.push(' ');
            out.push_str(name);
            out.push('=');
            out.push_str(value);
        }
    }
}

/// `name="value"` pairs of a tag, values with their quotes.
fn attributes(text: &str) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    let mut rest = text.trim_start();
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next() else { break };
        let Some(len) = after[1..].find(quote) else { break };
        pairs.push((name, &after[..len + 2]));
        rest = after[len + 2..].trim_start();
    }
    pairs
}

/// The children of `element` to write, in the schema's order, without the ones it forbids.
fn ordered<'e, 'a>(element: &'e Element<'a>, parents: &[&str]) -> Vec<&'e Node<'a>> {
    let general = element.name == "w:pPr"
        && parents
            .last()
            .is_some_and(|p| GENERAL_PARAGRAPH_PROPERTIES.contains(p));
    let mut children: Vec<&Node> = element
        .children
        .iter()
        .filter(|child| {
            !(general && matches!(child, Node::Element(e) if e.name == "w:rPr" && e.children.is_empty()))
        })
        .collect();
    if let Some(order) = sequence(element.name) {
        let rank = |node: &Node| match node {
            Node::Element(e) => order
                .iter()
                .position(|names| names.split('|').any(|n| n == e.name))
                .unwrap_or(order.len()),
            Node::Raw(_) => order.len(),
        };
        children.sort_by_key(|node| rank(node));
    }
    children
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mended(xml: &str) -> String {
        String::from_utf8(mend(xml.as_bytes())).unwrap()
    }

    #[test]
    fn properties_follow_the_schemas_sequence() {
        assert_eq!(
            mended(
                r#"<w:p><w:pPr><w:rPr><w:sz w:val="24" /><w:b /><w:rFonts w:ascii="T" /></w:rPr><w:jc w:val="center" /><w:keepNext /></w:pPr></w:p>"#
            ),
            r#"<w:p><w:pPr><w:keepNext /><w:jc w:val="center" /><w:rPr><w:rFonts w:ascii="T" /><w:b /><w:sz w:val="24" /></w:rPr></w:pPr></w:p>"#
        );
    }

    #[test]
    fn text_entities_and_unknown_elements_pass_through() {
        let xml = r#"<?xml version="1.0"?><w:body><w:t xml:space="preserve">A &amp; B &lt;3&gt;</w:t><w:x a="1>2"/></w:body>"#;
        assert_eq!(mended(xml), xml.replace("<w:x a=\"1>2\"/>", "<w:x a=\"1>2\" />"));
    }

    #[test]
    fn undeclared_attributes_and_forbidden_run_properties_are_dropped() {
        assert_eq!(
            mended(r#"<w:tblGrid><w:gridCol w:w="100" w:type="dxa" /></w:tblGrid>"#),
            r#"<w:tblGrid><w:gridCol w:w="100" /></w:tblGrid>"#
        );
        assert_eq!(
            mended(r#"<w:style><w:rPr /><w:pPr><w:rPr /></w:pPr><w:name w:val="Normal" /></w:style>"#),
            r#"<w:style><w:name w:val="Normal" /><w:pPr /><w:rPr /></w:style>"#
        );
        // A paragraph's own pPr keeps its mark's run properties.
        assert_eq!(
            mended("<w:p><w:pPr><w:rPr /></w:pPr></w:p>"),
            "<w:p><w:pPr><w:rPr /></w:pPr></w:p>"
        );
    }

    #[test]
    fn header_references_come_first_in_a_section() {
        assert_eq!(
            mended(
                r#"<w:sectPr><w:pgSz /><w:headerReference r:id="a" /><w:titlePg /><w:footerReference r:id="b" /></w:sectPr>"#
            ),
            r#"<w:sectPr><w:headerReference r:id="a" /><w:footerReference r:id="b" /><w:pgSz /><w:titlePg /></w:sectPr>"#
        );
    }

    #[test]
    fn badly_formed_text_comes_back_unchanged() {
        assert_eq!(mended("<a><b></a>"), "<a><b></a>");
    }
}
