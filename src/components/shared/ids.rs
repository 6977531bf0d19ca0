//! Element ids unique across every instance on the page (labels need ids, and a host
//! may mount several panels).

use std::cell::Cell;

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

pub fn unique_id(prefix: &str) -> String {
    let n = NEXT.with(|next| {
        let n = next.get().wrapping_add(1);
        next.set(n);
        n
    });
    format!("oxp-{prefix}-{n}")
}
