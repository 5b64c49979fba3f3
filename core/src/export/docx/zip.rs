//! The zip container of a .docx, written stored (uncompressed), which Word and LibreOffice
//! accept. Hand-written, CRC-32 included, because what the browser's bundle would carry
//! otherwise weighs more than the whole Word export: the `zip` crate's writer brings its
//! compressors, and `crc32fast` a 16 KiB table for a speed an agenda of a few hundred KiB does
//! not need.

/// A zip archive being written, its entries stored in the order added.
pub struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

/// 1 January 1980, 00:00, the earliest time a zip can hold: the same agenda gives the same
/// bytes whenever it is exported.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

impl Zip {
    pub fn new() -> Self {
        Zip { out: Vec::new(), central: Vec::new(), entries: 0 }
    }

    pub fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32(data);
        // A stored entry's size in a plain (not Zip64) archive is 32-bit: an agenda is far below.
        let size = u32::try_from(data.len()).expect("a part of a .docx is under 4 GiB");
        let offset = u32::try_from(self.out.len()).expect("a .docx is under 4 GiB");
        let name = name.as_bytes();
        let name_len = u16::try_from(name.len()).expect("part names are short");

        let local = &mut self.out;
        local.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        put16(local, 20); // version needed: 2.0
        put16(local, 1 << 11); // the name is UTF-8
        put16(local, 0); // stored
        put16(local, DOS_TIME);
        put16(local, DOS_DATE);
        put32(local, crc);
        put32(local, size);
        put32(local, size);
        put16(local, name_len);
        put16(local, 0);
        local.extend_from_slice(name);
        local.extend_from_slice(data);

        let c = &mut self.central;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        put16(c, 20); // made by: 2.0
        put16(c, 20);
        put16(c, 1 << 11);
        put16(c, 0);
        put16(c, DOS_TIME);
        put16(c, DOS_DATE);
        put32(c, crc);
        put32(c, size);
        put32(c, size);
        put16(c, name_len);
        put16(c, 0); // extra
        put16(c, 0); // comment
        put16(c, 0); // disk
        put16(c, 0); // internal attributes
        put32(c, 0); // external attributes
        put32(c, offset);
        c.extend_from_slice(name);
        self.entries += 1;
    }

    pub fn finish(mut self) -> Vec<u8> {
        let start = u32::try_from(self.out.len()).expect("a .docx is under 4 GiB");
        let size = u32::try_from(self.central.len()).expect("a .docx is under 4 GiB");
        self.out.extend_from_slice(&self.central);
        let e = &mut self.out;
        e.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        put16(e, 0);
        put16(e, 0);
        put16(e, self.entries);
        put16(e, self.entries);
        put32(e, size);
        put32(e, start);
        put16(e, 0);
        self.out
    }
}

fn put16(out: &mut Vec<u8>, n: u16) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

/// The CRC-32 of zip (IEEE 802.3, reflected), a byte at a time from a table made at compile time.
fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut t = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    };
    !data.iter().fold(!0u32, |c, b| TABLE[((c ^ u32::from(*b)) & 0xFF) as usize] ^ (c >> 8))
}
