-- herd journal, schema version 2: what a server following runs needs (herd serve).

-- Every write of a run's steps takes the run's next change number and stamps the rows it touches
-- with it, so a follower asks "what changed since N" (steps.change_seq > N) instead of reading the
-- whole run. The counter is a row of runs, updated in the writing transaction: writers of one run
-- take numbers in commit order on both databases (the row lock on PostgreSQL, the one writer of
-- SQLite), so a follower that saw N never misses a later write numbered below it.
ALTER TABLE runs ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE steps ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX steps_by_change ON steps (run_id, change_seq);

-- What operators asked of a run, and who: abort, pause, resume, start (by herd serve's token
-- names or a CLI user). A pause is a request that the herd executing the run takes (handled_at).
CREATE TABLE run_actions (
  run_id       VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  action       VARCHAR(16)  NOT NULL,
  requested_by VARCHAR(512) NOT NULL,
  requested_at BIGINT       NOT NULL,
  handled_at   BIGINT
);
CREATE INDEX run_actions_by_run ON run_actions (run_id, requested_at);
