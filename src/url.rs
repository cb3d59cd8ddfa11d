//! Just enough URL handling for links and images: resolving a reference
//! against a base (RFC 3986, section 5.2) and deciding which schemes are safe
//! to put in an `href` or `src`.

/// Splits `scheme:` off a URL, if it has a valid one.
fn scheme(url: &str) -> Option<(&str, &str)> {
    let colon = url.find(':')?;
    let s = &url[..colon];
    let mut chars = s.chars();
    let valid = chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| (s, &url[colon + 1..]))
}

/// Browsers ignore tabs and newlines anywhere in a URL and leading or
/// trailing C0 controls and spaces: so must a safety check, or
/// "java\tscript:" slips through.
pub fn strip_ignored(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// Resolves `reference` against `base`. Without a usable base, or when the
/// reference is already absolute, returns the reference as it is.
pub fn resolve(base: Option<&str>, reference: &str) -> String {
    let reference = strip_ignored(reference);
    if scheme(&reference).is_some() {
        return reference;
    }
    let Some(base) = base.map(strip_ignored) else {
        return reference;
    };
    let Some((base_scheme, base_rest)) = scheme(&base) else {
        return reference;
    };
    if let Some(rest) = reference.strip_prefix("//") {
        return format!("{base_scheme}://{rest}");
    }
    let base_rest = base_rest.split('#').next().unwrap_or("");
    // Authority: "//host:port" when present.
    let (authority, base_path_query) = match base_rest.strip_prefix("//") {
        Some(r) => {
            let end = r.find(['/', '?']).unwrap_or(r.len());
            (Some(&r[..end]), &r[end..])
        }
        None => (None, base_rest),
    };
    let (base_path, base_query) = match base_path_query.find('?') {
        Some(q) => (&base_path_query[..q], Some(&base_path_query[q..])),
        None => (base_path_query, None),
    };
    let prefix = match authority {
        Some(a) => format!("{base_scheme}://{a}"),
        None => format!("{base_scheme}:"),
    };
    if reference.is_empty() {
        return format!("{prefix}{base_path}{}", base_query.unwrap_or(""));
    }
    if reference.starts_with('#') {
        return format!("{prefix}{base_path}{}{reference}", base_query.unwrap_or(""));
    }
    if reference.starts_with('?') {
        return format!("{prefix}{base_path}{reference}");
    }
    let (ref_path, ref_tail) = match reference.find(['?', '#']) {
        Some(i) => (&reference[..i], &reference[i..]),
        None => (reference.as_str(), ""),
    };
    let merged = if ref_path.starts_with('/') {
        ref_path.to_string()
    } else if authority.is_some() && base_path.is_empty() {
        format!("/{ref_path}")
    } else {
        let dir = &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)];
        format!("{dir}{ref_path}")
    };
    format!("{prefix}{}{ref_tail}", remove_dot_segments(&merged))
}

fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if path.starts_with('/') && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Whether a URL may go into an `href`: http(s), mailto, tel, or relative.
/// `javascript:`, `vbscript:`, `data:` and every other scheme are refused.
pub fn is_safe_link(url: &str) -> bool {
    match scheme(&strip_ignored(url)) {
        Some((s, _)) => {
            let s = s.to_ascii_lowercase();
            matches!(s.as_str(), "http" | "https" | "mailto" | "tel")
        }
        None => true,
    }
}

/// Whether a URL may go into an `<img src>`: http(s), relative, or a
/// `data:image/` URL of a raster format (not SVG, which can carry script).
pub fn is_safe_image(url: &str) -> bool {
    let url = strip_ignored(url);
    match scheme(&url) {
        Some((s, rest)) => match s.to_ascii_lowercase().as_str() {
            "http" | "https" => true,
            "data" => {
                let rest = rest.to_ascii_lowercase();
                [
                    "image/png",
                    "image/jpeg",
                    "image/gif",
                    "image/webp",
                    "image/avif",
                ]
                .iter()
                .any(|t| rest.starts_with(t))
            }
            _ => false,
        },
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "http://a/b/c/d;p?q";

    #[test]
    fn resolves_the_rfc_3986_examples() {
        let cases = [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("https://other/x", "https://other/x"),
        ];
        for (r, want) in cases {
            assert_eq!(resolve(Some(BASE), r), want, "{r}");
        }
    }

    #[test]
    fn without_a_base_references_stay_relative() {
        assert_eq!(resolve(None, "/x"), "/x");
    }

    #[test]
    fn script_urls_are_unsafe_however_disguised() {
        for u in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
        ] {
            assert!(!is_safe_link(u), "{u:?}");
            assert!(!is_safe_image(u), "{u:?}");
        }
    }

    #[test]
    fn ordinary_links_and_images_are_safe() {
        assert!(is_safe_link("https://example.com/a"));
        assert!(is_safe_link("/relative"));
        assert!(is_safe_link("mailto:a@b.c"));
        assert!(is_safe_image("data:image/png;base64,AAAA"));
        assert!(!is_safe_image("data:image/svg+xml,<svg onload=alert(1)>"));
    }
}
