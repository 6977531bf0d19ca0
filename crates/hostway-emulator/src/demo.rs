//! The built-in demo data set, used when no `--fixture` is given. Every mailbox is
//! named for the state it shows (see `DEMO.md`).

use std::collections::BTreeMap;

use ox_core::rules::Role;

use crate::fixture::{
    default_webmail_names, Account, Blackberry, Credential, DeviceStatistics, Domain, Fixture,
    Mailbox,
};

/// End-user credentials (`demo:demo`).
pub const USER_AUTH: &str = "Basic ZGVtbzpkZW1v";
/// Account-owner credentials (`admin:admin`).
pub const ADMIN_AUTH: &str = "Basic YWRtaW46YWRtaW4=";
/// End-user credentials bound to account `test` (`test:test`).
pub const BOUND_AUTH: &str = "Basic dGVzdDp0ZXN0";

/// The OX login token of the documentation's example mailbox.
pub const JOHN_SMITH_TOKEN: &str = "PoiC9iyBehe13ZHWyhfa2eArKUJy+RJ5WpyN0eCBs2+Ns8SIdvhgto9zWLDnGZWlgTV9MuJ1F+//XnoKZWxjaRr2qh++437fChyxZmaHwe7g==";

/// The name of the demo mailbox with awkward characters in it.
pub const ODD_NAME: &str = "odd name+tag/ü#50%";

/// The plan quotas (MB) of every demo domain.
fn plan_quotas() -> BTreeMap<String, u64> {
    [("standard", 1024), ("activesync", 5120), ("premium", 25600)]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect()
}

fn mailbox(r#type: &str) -> Mailbox {
    Mailbox {
        r#type: r#type.to_owned(),
        blackberry: Some(device("open", "Demo User")),
        ..Mailbox::default()
    }
}

fn device(billing_status: &str, name: &str) -> Blackberry {
    Blackberry {
        billing_status: billing_status.to_owned(),
        statistics: DeviceStatistics {
            name: name.to_owned(),
            pin: Some(0x2A00_0000 + name.len() as u64 * 7919),
            device_type: Some("BlackBerry Bold 9900".to_owned()),
            device_status: "Running".to_owned(),
            data_service: 1,
            forwarded: 42,
            sent: 17,
            pending: 0,
            filtered: 3,
            last_transaction_result: Some("OK".to_owned()),
            last_fwd_time: Some("11/20/2026 09:58:12".to_owned()),
            last_sent_time: Some("11/20/2026 10:03:45".to_owned()),
        },
    }
}

/// `john.smith` exactly as the example fixture in `docs/contract.md` has it, with the
/// documentation's example token.
fn john_smith() -> Mailbox {
    Mailbox {
        r#type: "standard".to_owned(),
        allow_upgrade: true,
        reset_password: false,
        theme: "test_theme".to_owned(),
        language: "en_US".to_owned(),
        timezone: "America/Chicago".to_owned(),
        quota: Some(1024),
        usage: 200,
        master: false,
        auth_token: Some(JOHN_SMITH_TOKEN.to_owned()),
        blackberry: Some(Blackberry {
            billing_status: "open".to_owned(),
            statistics: DeviceStatistics {
                name: "John Smith".to_owned(),
                pin: Some(12_345_678),
                device_type: Some("BlackBerry Bold".to_owned()),
                device_status: "Running".to_owned(),
                data_service: 1,
                forwarded: 10,
                sent: 4,
                pending: 0,
                filtered: 1,
                last_transaction_result: Some("OK".to_owned()),
                last_fwd_time: Some("11/20/2026 10:00:00".to_owned()),
                last_sent_time: Some("11/20/2026 10:05:00".to_owned()),
            },
        }),
        ..Mailbox::default()
    }
}

/// `test.com`: one mailbox per state the panel must handle.
fn test_com() -> Domain {
    let mut m: BTreeMap<String, Mailbox> = BTreeMap::new();
    let mut add = |name: &str, mailbox: Mailbox| {
        m.insert(name.to_owned(), mailbox);
    };
    add("john.smith", john_smith());
    add(
        "sync.user",
        Mailbox {
            usage: 900,
            ..mailbox("activesync")
        },
    );
    add(
        "sync.second",
        Mailbox {
            usage: 450,
            ..mailbox("activesync")
        },
    );
    add(
        "premium.user",
        Mailbox {
            usage: 700,
            ..mailbox("premium")
        },
    );
    add(
        "locked.user",
        Mailbox {
            allow_upgrade: false,
            usage: 120,
            ..mailbox("standard")
        },
    );
    add(
        "big.user",
        Mailbox {
            usage: 3000,
            ..mailbox("premium")
        },
    );
    add(
        "no.blackberry",
        Mailbox {
            usage: 80,
            blackberry: None,
            ..mailbox("standard")
        },
    );
    for (name, status) in [
        ("bb.pending", "pending"),
        ("bb.suspended", "suspended"),
        ("bb.close-pending", "close_pending"),
        ("bb.closed", "closed"),
        ("bb.purge-pending", "purge_pending"),
    ] {
        add(
            name,
            Mailbox {
                usage: 50,
                blackberry: Some(device(status, name)),
                ..mailbox("standard")
            },
        );
    }
    add(
        ODD_NAME,
        Mailbox {
            usage: 10,
            ..mailbox("standard")
        },
    );
    add(
        "postmaster",
        Mailbox {
            master: true,
            usage: 5,
            blackberry: None,
            ..mailbox("standard")
        },
    );
    add(
        "de.user",
        Mailbox {
            reset_password: true,
            language: "de_DE".to_owned(),
            timezone: "Europe/Berlin".to_owned(),
            usage: 300,
            ..mailbox("standard")
        },
    );
    add(
        "trial.user",
        Mailbox {
            trial_type: Some("premium".to_owned()),
            trial_expiration: Some("12/31/2026 23:59:59".to_owned()),
            usage: 400,
            ..mailbox("premium")
        },
    );
    Domain {
        webmail_names: default_webmail_names(),
        webmail_limits: [("standard", -1), ("activesync", 2), ("premium", -1)]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        plan_quotas_mb: plan_quotas(),
        upgrades_enabled: true,
        mailboxes: m,
    }
}

const FIRST_NAMES: [&str; 20] = [
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "karl",
    "laura", "mallory", "nina", "oscar", "peggy", "quentin", "rupert", "sybil", "trent",
];
const LAST_NAMES: [&str; 15] = [
    "adams", "baker", "clark", "davis", "evans", "fisher", "garcia", "hughes", "irwin", "jones",
    "king", "lopez", "moore", "nolan", "owens",
];

/// `big-domain.com`: 300 generated mailboxes (`alice.adams` … `trent.owens`), the same
/// on every run, for the list view (filter, sort, pages).
fn big_domain() -> Domain {
    let mut mailboxes = BTreeMap::new();
    let mut i: u64 = 0;
    for first in FIRST_NAMES {
        for last in LAST_NAMES {
            i += 1;
            let r#type = match i % 10 {
                0 => "premium",
                3 | 7 => "activesync",
                _ => "standard",
            };
            let mailbox = Mailbox {
                allow_upgrade: i % 7 != 0,
                usage: (i * 37) % 1000,
                master: i == 1,
                blackberry: (i % 5 == 0).then(|| device("open", first)),
                ..mailbox(r#type)
            };
            mailboxes.insert(format!("{first}.{last}"), mailbox);
        }
    }
    Domain {
        plan_quotas_mb: plan_quotas(),
        mailboxes,
        ..Domain::default()
    }
}

/// `basic-only.com`: the product disables upgrades here.
fn basic_only() -> Domain {
    let mut mailboxes = BTreeMap::new();
    mailboxes.insert(
        "basic.user".to_owned(),
        Mailbox {
            usage: 100,
            ..mailbox("standard")
        },
    );
    Domain {
        plan_quotas_mb: plan_quotas(),
        upgrades_enabled: false,
        mailboxes,
        ..Domain::default()
    }
}

/// The demo data set.
pub fn fixture() -> Fixture {
    let credentials = [
        (USER_AUTH, Credential::Role(Role::User)),
        (ADMIN_AUTH, Credential::Role(Role::Admin)),
        (
            BOUND_AUTH,
            Credential::Bound {
                role: Role::User,
                account: "test".to_owned(),
            },
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();

    let mut test_domains = BTreeMap::new();
    test_domains.insert("test.com".to_owned(), test_com());
    test_domains.insert("big-domain.com".to_owned(), big_domain());
    test_domains.insert("basic-only.com".to_owned(), basic_only());

    let mut other_domains = BTreeMap::new();
    let mut other = Domain {
        plan_quotas_mb: plan_quotas(),
        ..Domain::default()
    };
    other
        .mailboxes
        .insert("someone".to_owned(), mailbox("standard"));
    other_domains.insert("other.com".to_owned(), other);

    let mut accounts = BTreeMap::new();
    accounts.insert(
        "test".to_owned(),
        Account {
            domains: test_domains,
        },
    );
    accounts.insert(
        "other".to_owned(),
        Account {
            domains: other_domains,
        },
    );

    Fixture {
        credentials,
        accounts,
    }
}
