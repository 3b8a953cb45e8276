-- R-G2, R-G5: accounts of families and staff. Staff are bound to their district or school.
CREATE TABLE account
(
  id                   UUID PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('PARENT', 'SCHOOL_STAFF', 'DISTRICT_OFFICER', 'CITY_ADMIN')),
  district_code        CHAR(6),
  school_code          TEXT,
  must_change_password BOOLEAN NOT NULL DEFAULT TRUE,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK (role <> 'DISTRICT_OFFICER' OR district_code IS NOT NULL),
  CHECK (role <> 'SCHOOL_STAFF' OR school_code IS NOT NULL)
);
