//! Micro-benchmark of the rule engine: one `evaluate()` and one full verdict set (what
//! the plan form recomputes on every click). A plain timed loop, no harness:
//! `cargo run -p ox-core --release --example bench`.

use std::hint::black_box;
use std::time::Instant;

use ox_core::{
    allow_upgrade_verdict, choice_verdict, evaluate, type_verdicts, CurrentPlan, DomainFacts,
    FormChoice, OxType, Role, WebmailUpdate,
};

fn time(label: &str, iterations: u32, mut f: impl FnMut()) {
    for _ in 0..iterations / 10 {
        f(); // warm-up
    }
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    let ns = start.elapsed().as_nanos() as f64 / f64::from(iterations);
    println!("{label:<44} {ns:>9.1} ns/op  ({iterations} iterations)");
}

fn main() {
    // A realistic domain: four types, quotas, limits, counts, usage all known.
    let mut facts = DomainFacts {
        supported: Some(
            ["standard", "activesync", "premium", "starter"]
                .into_iter()
                .map(OxType::from)
                .collect(),
        ),
        usage_mb: Some(1500),
        counts: Some(
            [(OxType::activesync(), 1), (OxType::premium(), 5)]
                .into_iter()
                .collect(),
        ),
        ..DomainFacts::default()
    };
    for (t, q) in [("standard", 1024), ("activesync", 5120), ("premium", 25600)] {
        facts.quotas_mb.insert(OxType::from(t), q);
    }
    facts.limits.insert(OxType::activesync(), 2);
    facts.limits.insert(OxType::premium(), -1);

    let current = CurrentPlan::new("premium", true);
    let allowed = WebmailUpdate {
        r#type: Some("activesync".into()),
        ..WebmailUpdate::default()
    };
    let refused = WebmailUpdate {
        r#type: Some("standard".into()),
        allow_upgrade: Some(false),
        ..WebmailUpdate::default()
    };
    let choice = FormChoice::from_current(&current);
    let n = 1_000_000;
    assert!(evaluate(&current, &allowed, Role::User, &facts).is_ok());
    assert!(evaluate(&current, &refused, Role::User, &facts).is_err());

    time("evaluate (allowed request)", n, || {
        black_box(evaluate(
            black_box(&current),
            black_box(&allowed),
            Role::User,
            black_box(&facts),
        ))
        .ok();
    });
    time("evaluate (refused request, 2 violations)", n, || {
        black_box(evaluate(
            black_box(&current),
            black_box(&refused),
            Role::User,
            black_box(&facts),
        ))
        .ok();
    });
    time(
        "full verdict set (4 types + checkbox + choice)",
        n / 4,
        || {
            let c = black_box(&choice);
            black_box(type_verdicts(&current, c, Role::User, &facts));
            black_box(allow_upgrade_verdict(&current, c, Role::User, &facts));
            black_box(choice_verdict(&current, c, Role::User, &facts));
        },
    );
}
