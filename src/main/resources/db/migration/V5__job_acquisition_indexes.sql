-- Camunda's job acquisition, with the due-date and priority ordering we switch on
-- (application.yaml), asks for due, unlocked jobs ordered by priority and due date, and for
-- each one whether another job of the same case is locked. Camunda's own indexes serve neither
-- condition, so every poll read the whole job table: ~0.35 s per poll at 265,000 waiting
-- timers, i.e. about 10 jobs/s (docs/benchmarks.md). With these two indexes a poll reads only
-- the jobs that are due and the jobs that are locked: well under a millisecond.
-- (Camunda has created ACT_RU_JOB by the time Flyway runs: see EngineBeforeFlyway.)
CREATE INDEX supporto_idx_job_duedate ON ACT_RU_JOB (DUEDATE_);
CREATE INDEX supporto_idx_job_lock_exp ON ACT_RU_JOB (LOCK_EXP_TIME_);
