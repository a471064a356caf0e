//! A plain static file server on 127.0.0.1, as real static hosts behave: no rewrites, a content type,
//! and caching headers like theirs. By default it sends only `Last-Modified` and answers
//! `If-Modified-Since` with 304, as `python3 -m http.server` does; a browser then caches by heuristic
//! freshness. Tests can ask for `max-age` instead, or `no-cache`, and can deploy a new build under a
//! path while the browser still holds the old one.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// The caching headers a host sends with every file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caching {
    /// `Last-Modified` only (the file's modification time), with 304 for `If-Modified-Since`.
    LastModified,
    /// `Cache-Control: max-age=N` and `Last-Modified`, as hosts that cache aggressively do.
    MaxAge(u32),
    /// `Cache-Control: no-cache`: the browser revalidates every time. Kinder than most hosts.
    NoCache,
}

/// What a server serves: builds mounted under path prefixes ("/prep/", "/a/"), its caching, gzip.
#[derive(Clone, Debug)]
pub struct Options {
    pub mounts: Vec<(String, PathBuf)>,
    pub caching: Caching,
    pub gzip: bool,
}

impl Options {
    pub fn new(root: PathBuf, prefix: &str) -> Options {
        Options {
            mounts: vec![(prefix.to_string(), root)],
            caching: Caching::LastModified,
            gzip: false,
        }
    }
}

type Mounts = Arc<Mutex<Vec<(String, PathBuf)>>>;

pub struct StaticServer {
    pub port: u16,
    pub prefix: String,
    mounts: Mounts,
    stopping: Arc<AtomicBool>,
    requests: Arc<Mutex<Vec<String>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" | "webmanifest" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "md" => "text/markdown; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Files compressed so far, by path and modification time: each is compressed once.
type GzipCache = Mutex<HashMap<(PathBuf, SystemTime), Arc<Vec<u8>>>>;

/// Whether a static host would compress this file: text, scripts and wasm, not images.
fn compressible(path: &Path) -> bool {
    !matches!(content_type(path), "image/png" | "application/octet-stream")
}

fn gzipped(cache: &GzipCache, key: (PathBuf, SystemTime), bytes: &[u8]) -> Arc<Vec<u8>> {
    if let Some(hit) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return hit;
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip into memory");
    let packed = Arc::new(encoder.finish().expect("gzip into memory"));
    if let Ok(mut c) = cache.lock() {
        c.insert(key, packed.clone());
    }
    packed
}

/// The request line's target and the headers this server reads.
struct Request {
    target: String,
    accepts_gzip: bool,
    if_modified_since: Option<SystemTime>,
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut request = Request {
        target: line.split_whitespace().nth(1).unwrap_or("/").to_string(),
        accepts_gzip: false,
        if_modified_since: None,
    };
    let mut header = String::new();
    while reader
        .read_line(&mut header)
        .map(|n| n > 2)
        .unwrap_or(false)
    {
        if let Some((name, value)) = header.split_once(':') {
            let (name, value) = (name.trim(), value.trim());
            if name.eq_ignore_ascii_case("accept-encoding") {
                request.accepts_gzip = value
                    .split(',')
                    .any(|coding| coding.split(';').next().unwrap_or("").trim() == "gzip");
            } else if name.eq_ignore_ascii_case("if-modified-since") {
                request.if_modified_since = httpdate::parse_http_date(value).ok();
            }
        }
        header.clear();
    }
    Some(request)
}

/// The file a path names under one of the mounts, if any (no `..`, a directory means its index.html).
fn resolve(mounts: &Mounts, path: &str) -> Option<PathBuf> {
    let mounts = mounts.lock().ok()?;
    mounts.iter().find_map(|(prefix, root)| {
        let rest = path.strip_prefix(prefix.as_str())?;
        if rest.split('/').any(|part| part == "..") {
            return None;
        }
        Some(root.join(if rest.is_empty() { "index.html" } else { rest }))
    })
}

fn serve_one(
    mut stream: TcpStream,
    mounts: &Mounts,
    caching: Caching,
    requests: &Mutex<Vec<String>>,
    gzip: Option<&GzipCache>,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let Some(request) = read_request(&stream) else {
        return;
    };
    if let Ok(mut log) = requests.lock() {
        log.push(request.target.clone());
    }
    let path = request.target.split(['?', '#']).next().unwrap_or("/");
    let found = resolve(mounts, path).and_then(|f| {
        let modified = std::fs::metadata(&f).and_then(|m| m.modified()).ok()?;
        let bytes = std::fs::read(&f).ok()?;
        Some((f, modified, Arc::new(bytes)))
    });
    let Some((file, modified, bytes)) = found else {
        let _ = stream.write_all(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found",
        );
        return;
    };
    let last_modified = httpdate::fmt_http_date(modified);
    let cache_control = match caching {
        Caching::LastModified => String::new(),
        Caching::MaxAge(seconds) => format!("Cache-Control: max-age={seconds}\r\n"),
        Caching::NoCache => "Cache-Control: no-cache\r\n".to_string(),
    };
    // HTTP dates have whole seconds: compare at that precision, as hosts do.
    let unchanged = request
        .if_modified_since
        .is_some_and(|since| httpdate::parse_http_date(&last_modified).is_ok_and(|m| m <= since));
    if unchanged {
        let head = format!(
            "HTTP/1.1 304 Not Modified\r\nLast-Modified: {last_modified}\r\n{cache_control}Connection: close\r\n\r\n"
        );
        let _ = stream.write_all(head.as_bytes());
        return;
    }
    let (encoding, bytes) = match gzip {
        Some(cache) if compressible(&file) && request.accepts_gzip => (
            "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n",
            gzipped(cache, (file.clone(), modified), &bytes),
        ),
        Some(_) if compressible(&file) => ("Vary: Accept-Encoding\r\n", bytes),
        _ => ("", bytes),
    };
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n{encoding}Last-Modified: {last_modified}\r\n{cache_control}Connection: close\r\n\r\n",
        content_type(&file),
        bytes.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&bytes);
    let _ = stream.flush();
}

impl StaticServer {
    /// `root` under `prefix`, with `Last-Modified` caching like a plain static host.
    pub fn start(root: PathBuf, prefix: &str) -> StaticServer {
        StaticServer::with(Options::new(root, prefix))
    }

    /// Like `start`, but compresses text, scripts and wasm with gzip for browsers that accept it, as
    /// real static hosts do (each file once, kept in memory), so transfer sizes are realistic.
    pub fn start_gzip(root: PathBuf, prefix: &str) -> StaticServer {
        StaticServer::with(Options {
            gzip: true,
            ..Options::new(root, prefix)
        })
    }

    pub fn with(options: Options) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
        let port = listener.local_addr().expect("bound address").port();
        let stopping = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let prefix = options
            .mounts
            .first()
            .map(|m| m.0.clone())
            .unwrap_or_default();
        let mounts: Mounts = Arc::new(Mutex::new(options.mounts));
        let (stop, log, served) = (stopping.clone(), requests.clone(), mounts.clone());
        let cache: Option<Arc<GzipCache>> = options.gzip.then(Default::default);
        let caching = options.caching;
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    let (mounts, log, cache) = (served.clone(), log.clone(), cache.clone());
                    std::thread::spawn(move || {
                        serve_one(stream, &mounts, caching, &log, cache.as_deref())
                    });
                }
            }
        });
        StaticServer {
            port,
            prefix,
            mounts,
            stopping,
            requests,
            thread: Some(thread),
        }
    }

    /// Deploys `root` under `prefix` from now on, as copying a new build to a host does.
    pub fn deploy(&self, prefix: &str, root: PathBuf) {
        let mut mounts = self.mounts.lock().expect("the mounts");
        match mounts.iter_mut().find(|m| m.0 == prefix) {
            Some(mount) => mount.1 = root,
            None => mounts.push((prefix.to_string(), root)),
        }
    }

    /// The app's URL, for example `http://127.0.0.1:PORT/prep/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}{}", self.port, self.prefix)
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Paths requested so far.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// Stops serving: later connections are refused, as when a learner goes offline.
    pub fn stop(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}
