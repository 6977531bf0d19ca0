//! Made-up OX login tokens: stable per mailbox (the same path gives the same token
//! across runs and machines), base64-looking like the real ones, and meaningless.

/// The token of a mailbox: 64 pseudo-random bytes seeded by the mailbox's path,
/// written in standard base64 (88 characters ending in `==`, like the API's).
pub fn auth_token(account: &str, domain: &str, mailbox: &str) -> String {
    let mut state = fnv1a(&[account.as_bytes(), domain.as_bytes(), mailbox.as_bytes()]);
    let mut bytes = Vec::with_capacity(64);
    while bytes.len() < 64 {
        bytes.extend_from_slice(&splitmix64(&mut state).to_be_bytes());
    }
    base64(&bytes)
}

/// FNV-1a over the parts, each followed by a 0 byte so that ("ab", "c") and
/// ("a", "bc") differ.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.iter().chain(std::iter::once(&0u8)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"demo:demo"), "ZGVtbzpkZW1v");
    }

    #[test]
    fn tokens_are_stable_distinct_and_look_like_the_apis() {
        let a = auth_token("test", "test.com", "john.smith");
        assert_eq!(a, auth_token("test", "test.com", "john.smith"));
        assert_ne!(a, auth_token("test", "test.com", "john.smitH"));
        assert_ne!(auth_token("ab", "c", "d"), auth_token("a", "bc", "d"));
        assert_eq!(a.len(), 88);
        assert!(a.ends_with("=="));
    }
}
