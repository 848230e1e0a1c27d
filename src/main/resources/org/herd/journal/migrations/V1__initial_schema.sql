-- herd journal, schema version 1. One script for SQLite and PostgreSQL: times are milliseconds
-- since the epoch (BIGINT, UTC), names are VARCHAR, free text is TEXT, enums are upper-case words.
-- Released scripts are never edited (their checksums are checked); change the schema with V2.

-- One execution of a plan.
CREATE TABLE runs (
  id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  command     TEXT         NOT NULL,
  started_by  VARCHAR(512) NOT NULL,
  state       VARCHAR(16)  NOT NULL,
  started_at  BIGINT       NOT NULL,
  finished_at BIGINT,
  plan        TEXT         NOT NULL
);
CREATE INDEX runs_by_start ON runs (started_at);

-- The hosts a run covers, in plan order.
CREATE TABLE run_hosts (
  run_id  VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  host    VARCHAR(255) NOT NULL,
  ordinal INTEGER      NOT NULL,
  PRIMARY KEY (run_id, host)
);

-- Each attempt of each step on each host; an attempt without outcome is running (or was, when
-- herd stopped).
CREATE TABLE steps (
  run_id      VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  host        VARCHAR(255) NOT NULL,
  step        VARCHAR(64)  NOT NULL,
  attempt     INTEGER      NOT NULL,
  started_at  BIGINT       NOT NULL,
  finished_at BIGINT,
  outcome     VARCHAR(16),
  output      TEXT,
  PRIMARY KEY (run_id, host, step, attempt)
);

-- The audit trail: installed versions per host before and after a run changed them.
CREATE TABLE package_versions (
  run_id       VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  host         VARCHAR(255) NOT NULL,
  phase        VARCHAR(8)   NOT NULL CHECK (phase IN ('BEFORE', 'AFTER')),
  package_name VARCHAR(255) NOT NULL,
  version      VARCHAR(255) NOT NULL,
  recorded_at  BIGINT       NOT NULL,
  PRIMARY KEY (run_id, host, phase, package_name)
);
CREATE INDEX package_versions_by_host ON package_versions (host, package_name);

-- What the probe found on a host, as JSON; the latest row per host is the current state.
CREATE TABLE facts (
  host         VARCHAR(255) NOT NULL,
  collected_at BIGINT       NOT NULL,
  facts        TEXT         NOT NULL,
  PRIMARY KEY (host, collected_at)
);

-- Leases: one row per held resource; the primary key is what makes a resource exclusive. The rows
-- of one lease share its lease_id.
CREATE TABLE leases (
  resource    VARCHAR(255) NOT NULL PRIMARY KEY,
  lease_id    VARCHAR(64)  NOT NULL,
  holder      VARCHAR(512) NOT NULL,
  acquired_at BIGINT       NOT NULL,
  expires_at  BIGINT       NOT NULL
);
CREATE INDEX leases_by_lease ON leases (lease_id);
