-- R-J7, R-Z4: once the city freezes a district's (or the whole city's) applications into a
-- lottery snapshot, nothing about them may change. A freeze is a fact that is never undone:
-- no UPDATE, no DELETE for the application's role.
CREATE TABLE application_freeze
(
  year          INTEGER     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  applications  TEXT        NOT NULL CHECK (applications IN ('PRIMARY_COLLECTION', 'JUNIOR_PREFERENCES')),
  -- a district's code, or 110000 for the whole city
  scope         CHAR(6)     NOT NULL CHECK (scope ~ '^11[0-9]{4}$'),
  frozen_at     TIMESTAMPTZ NOT NULL,
  frozen_by     TEXT        NOT NULL,
  PRIMARY KEY (year, applications, scope)
);

REVOKE UPDATE, DELETE, TRUNCATE ON application_freeze FROM ${appRole};
