//! Compressed streams: gzip and zstd inputs recognised by their first bytes,
//! outputs compressed by their name.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read, Write};
use std::path::Path;

use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use indicatif::ProgressBar;

use super::Input;

/// A compression format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Plain,
    Gzip,
    Zstd,
}

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

impl Codec {
    /// The codec an output named `path` is written in.
    pub fn for_output_name(path: &Path) -> Codec {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("gz") => Codec::Gzip,
            Some(e) if e.eq_ignore_ascii_case("zst") || e.eq_ignore_ascii_case("zstd") => {
                Codec::Zstd
            }
            _ => Codec::Plain,
        }
    }

    fn sniff(prefix: &[u8]) -> Codec {
        if prefix.starts_with(GZIP_MAGIC) {
            Codec::Gzip
        } else if prefix.starts_with(ZSTD_MAGIC) {
            Codec::Zstd
        } else {
            Codec::Plain
        }
    }
}

/// An input stream, decompressed.
pub type Reader = Box<dyn BufRead + Send>;

/// Opens `input`, decompressing it when its first bytes say gzip or zstd.
/// Raw bytes read are counted on `progress`.
pub fn open(input: &Input, progress: Option<&ProgressBar>) -> io::Result<(Reader, Codec)> {
    let raw: Box<dyn Read + Send> = match input {
        Input::Stdin => Box::new(io::stdin()),
        Input::File(p) => Box::new(File::open(p)?),
    };
    let raw: Box<dyn Read + Send> = match progress {
        Some(pb) => Box::new(pb.wrap_read(raw)),
        None => raw,
    };
    decode(raw)
}

/// The whole of `input`, decompressed (raw bytes read are counted on
/// `progress`). A file is read in one piece into a buffer of its size (no
/// buffer of the reader, no growing and copying as it is read) and, when
/// its first bytes say gzip or zstd, decompressed from memory.
pub fn read_all(input: &Input, progress: Option<&ProgressBar>) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    let raw = match input {
        Input::File(p) => std::fs::read(p)?,
        Input::Stdin => {
            open(input, progress)?.0.read_to_end(&mut buf)?;
            return Ok(buf);
        }
    };
    if let Some(pb) = progress {
        pb.inc(raw.len() as u64);
    }
    if Codec::sniff(&raw) == Codec::Plain {
        return Ok(raw);
    }
    decode(Box::new(Cursor::new(raw)))?
        .0
        .read_to_end(&mut buf)?;
    Ok(buf)
}

/// Decompresses `raw` by its first bytes.
pub fn decode(mut raw: Box<dyn Read + Send>) -> io::Result<(Reader, Codec)> {
    let mut prefix = [0u8; 4];
    let mut n = 0;
    while n < prefix.len() {
        match raw.read(&mut prefix[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let codec = Codec::sniff(&prefix[..n]);
    let whole = Cursor::new(prefix[..n].to_vec()).chain(raw);
    let reader: Reader = match codec {
        Codec::Plain => Box::new(BufReader::with_capacity(1 << 16, whole)),
        Codec::Gzip => Box::new(Labelled {
            inner: BufReader::with_capacity(
                1 << 16,
                MultiGzDecoder::new(BufReader::with_capacity(1 << 16, whole)),
            ),
            what: "gzip",
        }),
        Codec::Zstd => Box::new(Labelled {
            inner: BufReader::with_capacity(1 << 16, zstd::Decoder::new(whole)?),
            what: "zstd",
        }),
    };
    Ok((reader, codec))
}

/// A decompressing reader whose decoding errors say what was being decoded
/// (`corrupt or truncated gzip data: incomplete deflate stream`, not just
/// `incomplete deflate stream`); errors of the system (reading the file)
/// are passed on as they are.
struct Labelled<R> {
    inner: R,
    what: &'static str,
}

fn label(what: &str, e: io::Error) -> io::Error {
    if e.raw_os_error().is_some() || e.kind() == io::ErrorKind::Interrupted {
        e
    } else {
        io::Error::new(e.kind(), format!("corrupt or truncated {what} data: {e}"))
    }
}

impl<R: Read> Read for Labelled<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let what = self.what;
        self.inner.read(buf).map_err(|e| label(what, e))
    }
}

impl<R: BufRead> BufRead for Labelled<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let what = self.what;
        self.inner.fill_buf().map_err(|e| label(what, e))
    }

    fn consume(&mut self, n: usize) {
        self.inner.consume(n)
    }
}

/// A writer that compresses, or not; [`Encoder::finish`] writes the
/// compressed stream's end and must be called.
pub enum Encoder<W: Write> {
    Plain(W),
    Gzip(GzEncoder<W>),
    Zstd(zstd::Encoder<'static, W>),
}

impl<W: Write> Encoder<W> {
    pub fn new(w: W, codec: Codec) -> io::Result<Encoder<W>> {
        Ok(match codec {
            Codec::Plain => Encoder::Plain(w),
            Codec::Gzip => Encoder::Gzip(GzEncoder::new(w, flate2::Compression::default())),
            Codec::Zstd => Encoder::Zstd(zstd::Encoder::new(w, 0)?),
        })
    }

    /// Ends the compressed stream and flushes; returns the inner writer.
    pub fn finish(self) -> io::Result<W> {
        let mut w = match self {
            Encoder::Plain(w) => w,
            Encoder::Gzip(e) => e.finish()?,
            Encoder::Zstd(e) => e.finish()?,
        };
        w.flush()?;
        Ok(w)
    }
}

impl<W: Write> Write for Encoder<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Encoder::Plain(w) => w.write(buf),
            Encoder::Gzip(e) => e.write(buf),
            Encoder::Zstd(e) => e.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Encoder::Plain(w) => w.write_all(buf),
            Encoder::Gzip(e) => e.write_all(buf),
            Encoder::Zstd(e) => e.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Encoder::Plain(w) => w.flush(),
            Encoder::Gzip(e) => e.flush(),
            Encoder::Zstd(e) => e.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(codec: Codec, data: &[u8]) -> (Vec<u8>, Codec) {
        let mut e = Encoder::new(Vec::new(), codec).unwrap();
        e.write_all(data).unwrap();
        let bytes = e.finish().unwrap();
        let (mut r, found) = decode(Box::new(Cursor::new(bytes))).unwrap();
        let mut out = Vec::new();
        r.read_to_end(&mut out).unwrap();
        (out, found)
    }

    #[test]
    fn codecs_round_trip_and_are_sniffed() {
        let data = "héllo\nworld\n".repeat(1000);
        for codec in [Codec::Plain, Codec::Gzip, Codec::Zstd] {
            assert_eq!(
                roundtrip(codec, data.as_bytes()),
                (data.clone().into_bytes(), codec)
            );
        }
        // Short and empty plain inputs.
        for data in [&b""[..], b"a", b"\x1f", b"ab\n"] {
            assert_eq!(roundtrip(Codec::Plain, data), (data.to_vec(), Codec::Plain));
        }
    }

    /// A file read whole is what its reader reads, plain or compressed,
    /// short or empty.
    #[test]
    fn read_all_is_the_reader() {
        let dir = tempfile::tempdir().unwrap();
        let data = "héllo\nworld\n".repeat(1000);
        let mut n = 0;
        for codec in [Codec::Plain, Codec::Gzip, Codec::Zstd] {
            for data in [data.as_bytes(), b"", b"a", b"\x1f", b"\x28\xb5\x2f"] {
                let mut e = Encoder::new(Vec::new(), codec).unwrap();
                e.write_all(data).unwrap();
                let path = dir.path().join(n.to_string());
                n += 1;
                std::fs::write(&path, e.finish().unwrap()).unwrap();
                let input = Input::File(path);
                let mut read = Vec::new();
                open(&input, None)
                    .unwrap()
                    .0
                    .read_to_end(&mut read)
                    .unwrap();
                assert_eq!(read, data);
                assert_eq!(read_all(&input, None).unwrap(), data);
            }
        }
        // A corrupt stream fails as its reader fails.
        let path = dir.path().join("bad.gz");
        std::fs::write(&path, b"\x1f\x8b\x08\x00garbage").unwrap();
        let input = Input::File(path);
        let mut read = Vec::new();
        let e1 = open(&input, None)
            .unwrap()
            .0
            .read_to_end(&mut read)
            .unwrap_err();
        let e2 = read_all(&input, None).unwrap_err();
        assert_eq!(e1.to_string(), e2.to_string());
        // A missing file too.
        let missing = Input::File(dir.path().join("none"));
        assert_eq!(
            open(&missing, None).err().unwrap().kind(),
            read_all(&missing, None).unwrap_err().kind()
        );
    }

    #[test]
    fn multi_member_gzip() {
        let mut bytes = Vec::new();
        for part in ["first\n", "second\n"] {
            let mut e = GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(part.as_bytes()).unwrap();
            bytes.extend(e.finish().unwrap());
        }
        let (mut r, codec) = decode(Box::new(Cursor::new(bytes))).unwrap();
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        assert_eq!((out.as_str(), codec), ("first\nsecond\n", Codec::Gzip));
    }

    #[test]
    fn output_names() {
        assert_eq!(Codec::for_output_name(Path::new("a.jsonl.gz")), Codec::Gzip);
        assert_eq!(Codec::for_output_name(Path::new("a.ZST")), Codec::Zstd);
        assert_eq!(Codec::for_output_name(Path::new("a.txt")), Codec::Plain);
        assert_eq!(Codec::for_output_name(Path::new("gz")), Codec::Plain);
    }
}
