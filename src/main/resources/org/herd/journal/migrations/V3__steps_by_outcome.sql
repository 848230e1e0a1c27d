-- herd journal, schema version 3: run summaries count failed and unreachable hosts from the steps
-- with such outcomes, found by this index instead of a scan of every run's steps (herd runs, herd
-- serve's /api/v1/runs).
CREATE INDEX steps_by_outcome ON steps (outcome);
