//! The `oxp:data-rendered` performance mark (docs/contract.md): set once per page, the
//! first time a current plan and a BlackBerry status have both been rendered, so that
//! a benchmark can time navigation → data on screen from the page itself.

use std::cell::Cell;

/// The mark's name.
pub const DATA_RENDERED: &str = "oxp:data-rendered";

/// A part of the first data the mark waits for.
#[derive(Clone, Copy)]
pub enum Shown {
    Plan = 1,
    BlackberryStatus = 2,
}

const BOTH: u8 = Shown::Plan as u8 | Shown::BlackberryStatus as u8;

thread_local! {
    static SEEN: Cell<u8> = const { Cell::new(0) };
}

/// Records that `part` is on screen; sets the mark when the second part arrives.
pub fn shown(part: Shown) {
    SEEN.with(|seen| {
        let before = seen.get();
        seen.set(before | part as u8);
        if before != BOTH && before | part as u8 == BOTH {
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                // Only a measurement: a browser without User Timing loses nothing.
                let _ = performance.mark(DATA_RENDERED);
            }
        }
    });
}
