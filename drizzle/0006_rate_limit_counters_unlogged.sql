-- Rate-limit counters are written on every beacon and matter for one minute:
-- not worth a WAL record each (an UNLOGGED table is emptied after a crash,
-- which only forgets the current minute's counts).
ALTER TABLE "rate_limit_counters" SET UNLOGGED;
