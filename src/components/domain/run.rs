//! One bulk plan change as it runs: every row queued, at most [`CONCURRENCY`] sending,
//! each ending done or failed, or cancelled before it was sent. Pure: each event returns
//! the rows the driver must send now, so every row is sent exactly when this says so,
//! and never again once it succeeded.

use std::rc::Rc;

use ox_core::error::ApiError;
use ox_core::types::WebmailUpdate;

/// How many changes are in flight at once.
pub const CONCURRENCY: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub enum RowState {
    Queued,
    Sending,
    Done,
    Failed(Rc<ApiError>),
    /// Never sent: the run was cancelled or stopped first.
    Cancelled,
}

impl RowState {
    /// Stable code for `data-state` attributes.
    pub fn code(&self) -> &'static str {
        match self {
            RowState::Queued => "queued",
            RowState::Sending => "sending",
            RowState::Done => "done",
            RowState::Failed(e) if outcome_unknown(e) => "unknown",
            RowState::Failed(_) => "failed",
            RowState::Cancelled => "cancelled",
        }
    }

    /// A failure that "retry" may send again: the server answered with a refusal or an
    /// error. Without an answer (timeout, network) the change may have been made, so
    /// it is not sent again; the re-read list shows what the server has.
    pub fn retryable(&self) -> bool {
        matches!(self, RowState::Failed(e) if !outcome_unknown(e))
    }
}

fn outcome_unknown(e: &ApiError) -> bool {
    matches!(e, ApiError::Timeout | ApiError::Network(_))
}

#[derive(Debug, Clone, PartialEq)]
pub struct RunRow {
    pub username: String,
    pub update: WebmailUpdate,
    pub state: RowState,
    /// How often it was sent (a test's witness that success is final).
    pub sends: u32,
}

/// Why the run stopped before its queue was empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Cancelled,
    /// A 401: nothing more is sent until the host renews the credentials.
    Unauthorized,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Running,
    /// Stopped; waiting for the answers of the rows already sent.
    Stopping,
    Finished,
    Cancelled,
    Unauthorized,
}

impl Phase {
    pub fn code(self) -> &'static str {
        match self {
            Phase::Running => "running",
            Phase::Stopping => "stopping",
            Phase::Finished => "finished",
            Phase::Cancelled => "cancelled",
            Phase::Unauthorized => "unauthorized",
        }
    }
}

pub enum RunEvent {
    /// The answer to row `index`.
    Answered {
        index: usize,
        result: Result<(), ApiError>,
    },
    /// Rows not yet sent are never sent.
    Cancel,
    /// Sends the retryable failed rows again (only once the run is over).
    RetryFailed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BulkRun {
    pub rows: Vec<RunRow>,
    pub stop: Option<Stop>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub total: usize,
    pub queued: usize,
    pub sending: usize,
    pub done: usize,
    pub failed: usize,
    pub cancelled: usize,
}

impl Tally {
    /// Rows with an outcome (for the progress bar).
    pub fn finished(&self) -> usize {
        self.done + self.failed + self.cancelled
    }
}

impl BulkRun {
    /// A run of the given rows, in order; returns it and the rows to send first.
    pub fn start(rows: impl IntoIterator<Item = (String, WebmailUpdate)>) -> (Self, Vec<usize>) {
        let mut run = BulkRun {
            rows: rows
                .into_iter()
                .map(|(username, update)| RunRow {
                    username,
                    update,
                    state: RowState::Queued,
                    sends: 0,
                })
                .collect(),
            stop: None,
        };
        let first = run.launch();
        (run, first)
    }

    pub fn step(&mut self, event: RunEvent) -> Vec<usize> {
        match event {
            RunEvent::Answered { index, result } => {
                let Some(row) = self.rows.get_mut(index) else {
                    return Vec::new();
                };
                if row.state != RowState::Sending {
                    return Vec::new();
                }
                let unauthorized = matches!(result, Err(ApiError::Unauthorized));
                row.state = match result {
                    Ok(()) => RowState::Done,
                    Err(e) => RowState::Failed(Rc::new(e)),
                };
                if unauthorized {
                    self.halt(Stop::Unauthorized);
                }
                self.launch()
            }
            RunEvent::Cancel => {
                if self.is_active() && self.stop.is_none() {
                    self.halt(Stop::Cancelled);
                }
                Vec::new()
            }
            RunEvent::RetryFailed => {
                if self.is_active() {
                    return Vec::new();
                }
                let mut any = false;
                for row in &mut self.rows {
                    if row.state.retryable() {
                        row.state = RowState::Queued;
                        any = true;
                    }
                }
                if any {
                    self.stop = None;
                }
                self.launch()
            }
        }
    }

    fn halt(&mut self, why: Stop) {
        self.stop = Some(why);
        for row in &mut self.rows {
            if row.state == RowState::Queued {
                row.state = RowState::Cancelled;
            }
        }
    }

    /// Marks queued rows as sending up to the concurrency; returns them.
    fn launch(&mut self) -> Vec<usize> {
        if self.stop.is_some() {
            return Vec::new();
        }
        let sending = self
            .rows
            .iter()
            .filter(|r| r.state == RowState::Sending)
            .count();
        let free = CONCURRENCY.saturating_sub(sending);
        let mut out = Vec::new();
        for (i, row) in self.rows.iter_mut().enumerate() {
            if out.len() >= free {
                break;
            }
            if row.state == RowState::Queued {
                row.state = RowState::Sending;
                row.sends += 1;
                out.push(i);
            }
        }
        out
    }

    pub fn is_active(&self) -> bool {
        self.rows
            .iter()
            .any(|r| matches!(r.state, RowState::Queued | RowState::Sending))
    }

    pub fn phase(&self) -> Phase {
        match (self.is_active(), self.stop) {
            (true, None) => Phase::Running,
            (true, Some(_)) => Phase::Stopping,
            (false, None) => Phase::Finished,
            (false, Some(Stop::Cancelled)) => Phase::Cancelled,
            (false, Some(Stop::Unauthorized)) => Phase::Unauthorized,
        }
    }

    pub fn tally(&self) -> Tally {
        let mut t = Tally {
            total: self.rows.len(),
            ..Tally::default()
        };
        for row in &self.rows {
            match row.state {
                RowState::Queued => t.queued += 1,
                RowState::Sending => t.sending += 1,
                RowState::Done => t.done += 1,
                RowState::Failed(_) => t.failed += 1,
                RowState::Cancelled => t.cancelled += 1,
            }
        }
        t
    }

    pub fn retryable_count(&self) -> usize {
        self.rows.iter().filter(|r| r.state.retryable()).count()
    }

    pub fn row(&self, username: &str) -> Option<&RunRow> {
        self.rows.iter().find(|r| r.username == username)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_of(n: usize) -> (BulkRun, Vec<usize>) {
        BulkRun::start((0..n).map(|i| (format!("m{i}"), WebmailUpdate::with_type("activesync"))))
    }

    fn ok(index: usize) -> RunEvent {
        RunEvent::Answered {
            index,
            result: Ok(()),
        }
    }

    fn err(index: usize, e: ApiError) -> RunEvent {
        RunEvent::Answered {
            index,
            result: Err(e),
        }
    }

    fn server_error() -> ApiError {
        ApiError::Server {
            status: 502,
            message: None,
        }
    }

    fn states(run: &BulkRun) -> Vec<&'static str> {
        run.rows.iter().map(|r| r.state.code()).collect()
    }

    #[test]
    fn at_most_four_in_flight_and_each_answer_sends_the_next() {
        let (mut run, first) = run_of(6);
        assert_eq!(first, [0, 1, 2, 3]);
        assert_eq!(
            states(&run),
            ["sending", "sending", "sending", "sending", "queued", "queued"]
        );
        assert_eq!(run.step(ok(2)), [4]);
        assert_eq!(run.step(err(0, server_error())), [5]);
        assert_eq!(run.step(ok(1)), Vec::<usize>::new());
        // An answer for a row that is not sending changes nothing.
        assert_eq!(run.step(ok(1)), Vec::<usize>::new());
        assert_eq!(run.step(ok(99)), Vec::<usize>::new());
        for i in [3, 4, 5] {
            run.step(ok(i));
        }
        assert_eq!(run.phase(), Phase::Finished);
        assert_eq!(
            states(&run),
            ["failed", "done", "done", "done", "done", "done"]
        );
        let t = run.tally();
        assert_eq!((t.done, t.failed, t.finished()), (5, 1, 6));
    }

    #[test]
    fn cancel_never_sends_the_queued_rows() {
        let (mut run, _) = run_of(8);
        assert_eq!(run.step(ok(0)), [4]);
        assert_eq!(run.step(RunEvent::Cancel), Vec::<usize>::new());
        assert_eq!(run.phase(), Phase::Stopping);
        // Answers of rows already sent still arrive, and start nothing.
        for i in [1, 2, 3, 4] {
            assert_eq!(run.step(ok(i)), Vec::<usize>::new());
        }
        assert_eq!(run.phase(), Phase::Cancelled);
        assert_eq!(
            states(&run),
            [
                "done",
                "done",
                "done",
                "done",
                "done",
                "cancelled",
                "cancelled",
                "cancelled"
            ]
        );
        assert!(run.rows[5..].iter().all(|r| r.sends == 0));
        // Cancelled rows are not failed rows: retry sends nothing.
        assert_eq!(run.step(RunEvent::RetryFailed), Vec::<usize>::new());
    }

    #[test]
    fn retry_sends_only_the_failed_rows_and_success_is_final() {
        let (mut run, _) = run_of(5);
        run.step(err(0, server_error()));
        run.step(ok(1));
        run.step(err(2, server_error()));
        run.step(ok(3));
        run.step(ok(4));
        assert_eq!(run.retryable_count(), 2);
        // Nothing is retried while rows are in flight; afterwards only the failed.
        assert_eq!(run.step(RunEvent::RetryFailed), [0, 2]);
        assert_eq!(run.step(RunEvent::RetryFailed), Vec::<usize>::new());
        run.step(ok(0));
        run.step(ok(2));
        assert_eq!(run.phase(), Phase::Finished);
        let sends: Vec<u32> = run.rows.iter().map(|r| r.sends).collect();
        assert_eq!(sends, [2, 1, 2, 1, 1]);
        assert_eq!(run.step(RunEvent::RetryFailed), Vec::<usize>::new());
    }

    #[test]
    fn a_401_stops_the_run() {
        let (mut run, _) = run_of(7);
        assert_eq!(
            run.step(err(1, ApiError::Unauthorized)),
            Vec::<usize>::new()
        );
        assert_eq!(run.phase(), Phase::Stopping);
        for i in [0, 2, 3] {
            assert_eq!(run.step(ok(i)), Vec::<usize>::new());
        }
        assert_eq!(run.phase(), Phase::Unauthorized);
        assert_eq!(
            states(&run),
            [
                "done",
                "failed",
                "done",
                "done",
                "cancelled",
                "cancelled",
                "cancelled"
            ]
        );
    }

    #[test]
    fn no_answer_is_not_retried() {
        let (mut run, _) = run_of(2);
        run.step(err(0, ApiError::Timeout));
        run.step(err(1, ApiError::Network("reset".into())));
        assert_eq!(states(&run), ["unknown", "unknown"]);
        assert_eq!(run.retryable_count(), 0);
        assert_eq!(run.step(RunEvent::RetryFailed), Vec::<usize>::new());
    }

    #[test]
    fn table_of_phases() {
        let table: Vec<(Vec<RunEvent>, Phase)> = vec![
            (vec![], Phase::Running),
            (vec![RunEvent::Cancel], Phase::Stopping),
            (
                vec![RunEvent::Cancel, ok(0), ok(1), ok(2), ok(3)],
                Phase::Cancelled,
            ),
            ((0..5).map(ok).collect(), Phase::Finished),
        ];
        for (events, phase) in table {
            let (mut run, _) = run_of(5);
            for e in events {
                let next = run.step(e);
                // Rows handed out are sending; the driver answers them in this table.
                assert!(next.iter().all(|i| run.rows[*i].state == RowState::Sending));
            }
            assert_eq!(run.phase(), phase);
        }
    }
}
