//! Links to AWS documentation, in questions' references and the service catalogue's cards.

/// A reference link: `https://` on an AWS host, parsed strictly. The link must be exactly its own
/// parsed form (so a backslash, a space or a stray character that a browser would rewrite cannot
/// make it point elsewhere than it seems), with no user name, password or port.
pub(crate) fn is_aws_host(link: &str) -> bool {
    let Ok(url) = url::Url::parse(link) else {
        return false;
    };
    let canonical = url.as_str() == link || url.as_str().strip_suffix('/') == Some(link);
    let plain = url.username().is_empty() && url.password().is_none() && url.port().is_none();
    let host = match url.host() {
        Some(url::Host::Domain(host)) => host,
        _ => return false,
    };
    let aws = host == "aws.amazon.com"
        || host.ends_with(".aws.amazon.com")
        || host == "d1.awsstatic.com"
        || host == "repost.aws";
    url.scheme() == "https" && canonical && plain && aws
}
