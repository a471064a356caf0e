//! The bank's inline markup: `` `code` `` and `*emphasis*`, parsed into spans that the app renders as
//! DOM nodes (never as HTML). The build-time validator in `crates/bankfmt` uses this same module, so
//! the grammar that is checked is the grammar that is rendered.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Plain,
    Code,
    Emphasis,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span<'a> {
    pub mark: Mark,
    pub text: &'a str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkupError {
    UnclosedCode,
    UnclosedEmphasis,
    EmptyMark,
}

impl fmt::Display for MarkupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MarkupError::UnclosedCode => "a backtick opens code that is never closed",
            MarkupError::UnclosedEmphasis => "an asterisk opens emphasis that is never closed",
            MarkupError::EmptyMark => "a code or emphasis mark encloses nothing",
        })
    }
}

/// Splits one paragraph of text into marked spans.
pub fn parse(text: &str) -> Result<Vec<Span<'_>>, MarkupError> {
    let mut spans = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(open) = rest.find(['`', '*']) else {
            spans.push(Span {
                mark: Mark::Plain,
                text: rest,
            });
            break;
        };
        if open > 0 {
            spans.push(Span {
                mark: Mark::Plain,
                text: &rest[..open],
            });
        }
        let delimiter = rest.as_bytes()[open] as char;
        let (mark, unclosed) = if delimiter == '`' {
            (Mark::Code, MarkupError::UnclosedCode)
        } else {
            (Mark::Emphasis, MarkupError::UnclosedEmphasis)
        };
        let body = &rest[open + 1..];
        let close = body.find(delimiter).ok_or(unclosed)?;
        if close == 0 {
            return Err(MarkupError::EmptyMark);
        }
        spans.push(Span {
            mark,
            text: &body[..close],
        });
        rest = &body[close + 1..];
    }
    Ok(spans)
}

/// The runtime form: the build has already proved every bank text parses, so a failure here can only
/// mean hand-made text, which is then shown literally rather than lost.
pub fn spans(text: &str) -> Vec<Span<'_>> {
    parse(text).unwrap_or_else(|_| {
        vec![Span {
            mark: Mark::Plain,
            text,
        }]
    })
}

/// Paragraphs are separated by a blank line.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_emphasis_become_spans() {
        let spans = parse("Run `aws s3 ls` and do *not* wait").unwrap();
        let marks: Vec<_> = spans.iter().map(|s| (s.mark, s.text)).collect();
        assert_eq!(
            marks,
            vec![
                (Mark::Plain, "Run "),
                (Mark::Code, "aws s3 ls"),
                (Mark::Plain, " and do "),
                (Mark::Emphasis, "not"),
                (Mark::Plain, " wait"),
            ]
        );
    }

    #[test]
    fn asterisk_inside_code_is_literal() {
        let spans = parse("Use `s3:*` here").unwrap();
        assert_eq!(
            spans[1],
            Span {
                mark: Mark::Code,
                text: "s3:*"
            }
        );
    }

    #[test]
    fn unbalanced_marks_are_errors() {
        assert_eq!(parse("a `b"), Err(MarkupError::UnclosedCode));
        assert_eq!(parse("a *b"), Err(MarkupError::UnclosedEmphasis));
        assert_eq!(parse("a `` b"), Err(MarkupError::EmptyMark));
    }

    #[test]
    fn broken_text_is_shown_literally_not_lost() {
        assert_eq!(
            spans("5 * 3"),
            vec![Span {
                mark: Mark::Plain,
                text: "5 * 3"
            }]
        );
    }

    #[test]
    fn blank_lines_split_paragraphs() {
        assert_eq!(
            paragraphs("one\n\n two \n\n\n").collect::<Vec<_>>(),
            vec!["one", "two"]
        );
    }
}
